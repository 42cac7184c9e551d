/**
 * Search on Neo4j goes through a full-text (Lucene) index. Both what is indexed and what is asked are
 * cut into the same words here — letters and digits only, accents and case folded — so the index's
 * analyzer has nothing left to decide and a query can never carry Lucene syntax: whatever a person
 * types, the query is `word* AND word*`, and it travels as a parameter, not as query text.
 */

const MAX_WORDS = 12;

export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The text an entity is indexed by: its searchable words, folded, separated by spaces. */
export function indexedText(text: string): string {
  return words(text).join(' ');
}

/** Every word must match, each as a prefix; undefined when nothing searchable was typed. */
export function luceneQuery(text: string): string | undefined {
  const w = words(text).slice(0, MAX_WORDS);
  return w.length ? w.map((x) => `${x}*`).join(' AND ') : undefined;
}
