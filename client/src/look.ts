/**
 * The visual encoding, as plain functions of the data: a node's radius grows with how many entities it
 * touches (square root, clamped, so a hub stands out without covering its ring); a link's width grows
 * with the log of its occurrences, so a pair with 400 calls reads heavier than one with 4 but does not
 * blot out the rest. Sizes are screen pixels at the initial zoom.
 */
export const LOOK = {
  node: { min: 5, max: 20, perSqrtNeighbour: 1.9 },
  edge: { min: 0.8, max: 4, perDoubling: 0.7 },
  edgeColour: '#C3CAD4',
  edgeHighlight: '#4B5563',
  edgeDimmed: '#EEF1F4',
  /** How far entities outside the hovered neighbourhood fade towards white. */
  dimAmount: 0.82,
  labelColour: '#1F2937',
  font: 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif',
};

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function nodeSize(neighbours: number): number {
  const { min, max, perSqrtNeighbour } = LOOK.node;
  return clamp(min + perSqrtNeighbour * Math.sqrt(neighbours), min, max);
}

export function edgeSize(weight: number): number {
  const { min, max, perDoubling } = LOOK.edge;
  return clamp(min + perDoubling * Math.log2(Math.max(1, weight)), min, max);
}
