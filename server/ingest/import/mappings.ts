/**
 * Column mappings a unit saved for re-use: a provider whose layout no template knows is mapped once by
 * hand (template, field → header, delimiter, date order), named, and picked by that name on the next
 * file. Kept per unit as one JSON file under the imports folder; the last save of a name wins.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

export const savedMappingSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    template: z.string().min(1).max(60),
    columns: z.record(z.string().max(40), z.string().max(200)).optional(),
    delimiter: z.enum([',', ';', '|', 'tab']).optional(),
    dateOrder: z.enum(['dmy', 'mdy', 'ymd']).optional(),
    savedBy: z.string().optional(),
    savedAt: z.string().optional(),
  })
  .strict()
  .meta({ id: 'SavedMapping' });
export type SavedMapping = z.infer<typeof savedMappingSchema>;

const fileOf = (dir: string, unit: string | null) =>
  join(dir, 'mappings', `${(unit ?? 'no-unit').toLowerCase().replace(/[^a-z0-9]+/g, '-')}.json`);

export async function listMappings(dir: string, unit: string | null): Promise<SavedMapping[]> {
  try {
    return z.array(savedMappingSchema).parse(JSON.parse(await readFile(fileOf(dir, unit), 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export async function saveMapping(
  dir: string,
  unit: string | null,
  mapping: SavedMapping,
): Promise<SavedMapping[]> {
  const all = (await listMappings(dir, unit)).filter((m) => m.name !== mapping.name);
  all.push(mapping);
  all.sort((a, b) => a.name.localeCompare(b.name));
  const path = fileOf(dir, unit);
  await mkdir(join(dir, 'mappings'), { recursive: true });
  // Written aside and renamed, so that a crash mid-write leaves the previous list, not half of one.
  await writeFile(`${path}.tmp`, JSON.stringify(all, null, 1));
  await rename(`${path}.tmp`, path);
  return all;
}
