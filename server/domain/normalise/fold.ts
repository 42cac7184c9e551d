/** Text folding shared by the free-text keys (addresses, hotels), so both compare text the same way. */

/**
 * Lowercases, drops Latin accents, turns punctuation into spaces and collapses whitespace.
 * Only the Latin combining block (U+0300–U+036F) is dropped: stripping every mark (\p{M}) would erase
 * the vowel signs of Devanagari and other Indian scripts and merge different words.
 */
export function foldText(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Trims and collapses runs of whitespace (NBSP and tabs included) to one space. */
export function collapseSpace(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim();
}

/** Title-cases a folded word run for display ("navi mumbai" → "Navi Mumbai"). */
export function titleCase(folded: string): string {
  return folded.replace(/(^|\s)(\p{L})/gu, (_, sp: string, ch: string) => sp + ch.toUpperCase());
}
