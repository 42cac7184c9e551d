/**
 * What the analyst has chosen to see, as one plain value: the scope (a case or the cross-case view),
 * the encodings, the filters, what was hidden or pinned by hand, and the selection. The controller
 * turns it into what is drawn; the URL carries it (url-state.ts) so a colleague opens the same view;
 * the history keeps copies of it for undo. Nothing in it is a name or a number: ids and choices only.
 */
import type { Metric } from '../api-reads.js';

export type ColourBy = 'community' | 'kind';
export type SizeBy = Metric;

export interface ViewState {
  /** A case id, or 'all' for the cross-case view (an admin's whole graph, anyone else's own cases). */
  scope: string;
  colourBy: ColourBy;
  sizeBy: SizeBy;
  hiddenKinds: string[];
  hiddenLinkKinds: string[];
  /** Isolate one community (its id), or null for all. */
  community: number | null;
  minDegree: number;
  /** Keep entities whose size-by centrality is at least this share (0–1) of the highest. */
  minCentrality: number;
  /** Keep links with an occurrence in [from, to] (epoch ms); links without occurrences are kept. */
  time: [number, number] | null;
  hideIsolated: boolean;
  hidden: string[];
  pinned: string[];
  /** At most two entities: the one whose details are open, and a second to tie it to. */
  selection: string[];
  /** The shortest paths between the two selected entities are lit (asked in the tie panel). */
  tie: boolean;
  /** Communities opened in the community graph (one node per community above the size limit). */
  opened: number[];
  /** The view as its graph of communities: null decides by size, true/false is the analyst's choice. */
  grouped: boolean | null;
}

export const DEFAULT_STATE: ViewState = {
  scope: 'all',
  colourBy: 'community',
  sizeBy: 'degree',
  hiddenKinds: [],
  hiddenLinkKinds: [],
  community: null,
  minDegree: 0,
  minCentrality: 0,
  time: null,
  hideIsolated: false,
  hidden: [],
  pinned: [],
  selection: [],
  tie: false,
  opened: [],
  grouped: null,
};

/** What is drawn depends on these; a change of only the selection needs no new filtering. */
export const FILTER_KEYS = [
  'hiddenKinds',
  'hiddenLinkKinds',
  'community',
  'minDegree',
  'minCentrality',
  'time',
  'hideIsolated',
  'hidden',
] as const satisfies readonly (keyof ViewState)[];

export function sameState(a: ViewState, b: ViewState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
