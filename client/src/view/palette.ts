/**
 * Community colours. Kelly's colours of maximum contrast (Kelly, 1965, as listed by Green-Armytage,
 * 2010) without white, black and the greys, ordered so that neighbours in the list differ in hue and
 * lightness; the largest communities take the first ones. Past the palette, communities share one
 * neutral grey rather than get colours an eye cannot tell apart: the communities panel names them.
 */
export const COMMUNITY_PALETTE = [
  '#F3C300', // vivid yellow
  '#875692', // strong purple
  '#F38400', // vivid orange
  '#A1CAF1', // very light blue
  '#BE0032', // vivid red
  '#C2B280', // greyish yellow
  '#008856', // vivid green
  '#E68FAC', // strong purplish pink
  '#0067A5', // strong blue
  '#F99379', // strong yellowish pink
  '#604E97', // strong violet
  '#F6A600', // vivid orange yellow
  '#B3446C', // strong purplish red
  '#DCD300', // vivid greenish yellow
  '#882D17', // strong reddish brown
  '#8DB600', // vivid yellowish green
  '#654522', // deep yellowish brown
  '#E25822', // vivid reddish orange
  '#2B3D26', // dark olive green
] as const;

export const OTHER_COMMUNITY = '#A3A9B3';

/** Colour per community id, the largest first: `sizes` maps a community id to its member count. */
export function communityColours(sizes: ReadonlyMap<number, number>): Map<number, string> {
  const order = [...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => id);
  return new Map(order.map((id, i) => [id, COMMUNITY_PALETTE[i] ?? OTHER_COMMUNITY]));
}
