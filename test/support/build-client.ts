/**
 * vitest globalSetup: builds the client into dist/client once before the tests, with the project's own
 * vite.config.ts, so that the browser tests load the page exactly as `npm start` serves it.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const fromRoot = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export default async function buildClient(): Promise<void> {
  // root is given absolutely as well, so the build does not depend on the directory vitest runs from.
  await build({
    configFile: fromRoot('vite.config.ts'),
    root: fromRoot('client'),
    logLevel: 'warn',
    clearScreen: false,
  });
}
