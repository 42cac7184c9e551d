/**
 * A pictogram per entity kind, drawn in white on the node's coloured disc. The SVGs are this
 * repository's own (client/src/icons/), bundled into the script as data: URLs: the page loads no
 * image from anywhere, and the strict Content-Security-Policy (img-src 'self' data:) lets them in,
 * where @sigma/node-image's own SVG loader would go through a blob: URL the policy refuses.
 */
const SOURCES = import.meta.glob<string>('../icons/*.svg', { query: '?raw', import: 'default', eager: true });

const toDataUrl = (svg: string) => `data:image/svg+xml;base64,${btoa(svg.trim())}`;

export const PICTOGRAMS: ReadonlyMap<string, string> = new Map(
  Object.entries(SOURCES).map(([path, svg]) => [path.replace(/^.*\/|\.svg$/g, ''), toDataUrl(svg)]),
);

export const pictogramOf = (kind: string): string | undefined => PICTOGRAMS.get(kind);
