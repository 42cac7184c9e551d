/**
 * Hotels, lodges, guest houses and spas, keyed by name and city: a name alone is shared by lodges in many
 * towns, and registers, ads and FIRs write the same city under its old and new names.
 */
import type { KeyResult } from './result.js';
import { collapseSpace, foldText, titleCase } from './fold.js';

const CITY_ALIASES: Readonly<Record<string, string>> = {
  bombay: 'mumbai',
  calcutta: 'kolkata',
  madras: 'chennai',
  bangalore: 'bengaluru',
  gurgaon: 'gurugram',
  poona: 'pune',
  baroda: 'vadodara',
  trivandrum: 'thiruvananthapuram',
  cochin: 'kochi',
  mysore: 'mysuru',
  calicut: 'kozhikode',
  benares: 'varanasi',
  banaras: 'varanasi',
};

export function normaliseHotel(raw: string): KeyResult {
  const text = collapseSpace(raw);
  // The key's own "name|city" form is read back too, so a key normalises to itself.
  const comma = text.includes(',') ? text.lastIndexOf(',') : text.lastIndexOf('|');
  const rawName = comma < 0 ? text : text.slice(0, comma).trim().replace(/,$/, '').trim();
  // A trailing PIN code ("Mumbai 400008", "Mumbai - 400008") says nothing the city does not.
  const rawCity =
    comma < 0
      ? ''
      : text
          .slice(comma + 1)
          .replace(/[\s-]*\d{3}\s?\d{3}$/, '')
          .trim();
  const name = foldText(rawName);
  const folded = foldText(rawCity);
  if (folded === '') return { ok: false, reason: "a hotel needs its city: write 'Name, City'" };
  if (name === '') return { ok: false, reason: "a hotel needs its name: write 'Name, City'" };
  const city = CITY_ALIASES[folded] ?? folded;
  const cityDisplay = city === folded ? rawCity : titleCase(city);
  return {
    ok: true,
    key: `${name}|${city}`,
    display: `${rawName}, ${cityDisplay}`,
    props: { name: rawName, city: cityDisplay },
  };
}
