/**
 * The demo world a fresh store is seeded with at first start: three small rings across source and
 * destination districts, their FIRs and evidence, and the ordinary people around them — 320 entities,
 * small enough to read on one screen, with every planted pattern (minors, a victim rescued twice, a
 * recruiter accused by two units, shared numbers and lodges, SIM switching) present. The rings are the
 * smallest the planner builds; their lodges' guest records take about twenty entities, so the demo is
 * that much larger than 300 to stay mostly ordinary people.
 */
import { generateScenario, type Scenario } from './scenario.js';

export const DEMO_OPTIONS = { entities: 320, seed: 'casegraph-demo' } as const;

export function demoScenario(): Scenario {
  return generateScenario(DEMO_OPTIONS);
}
