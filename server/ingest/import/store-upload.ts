/**
 * An uploaded file kept as evidence: streamed to disk while its SHA-256 is computed (the law asks for the
 * original and its hash, INDIA.md BSA s.63), under the name of its hash so that the same file uploaded
 * twice is kept once. A file over the limit is refused as it arrives, and nothing of it is kept.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { CaseGraphError } from '../../domain/errors.js';

export interface StoredUpload {
  path: string;
  sha256: string;
  size: number;
}

export async function storeUpload(body: Readable, dir: string, limitBytes: number): Promise<StoredUpload> {
  await mkdir(join(dir, 'files'), { recursive: true });
  const tmp = join(dir, `upload-${randomUUID()}.part`);
  const hash = createHash('sha256');
  const out = createWriteStream(tmp);
  let size = 0;
  try {
    for await (const chunk of body) {
      const buf = chunk as Buffer;
      size += buf.length;
      if (size > limitBytes)
        throw new CaseGraphError(
          'REQUEST.TOO_LARGE',
          `the file is larger than this server imports (IMPORT_LIMIT, ${Math.round(limitBytes / 2 ** 20)} MiB)`,
        );
      hash.update(buf);
      if (!out.write(buf)) await new Promise<void>((ok) => out.once('drain', () => ok()));
    }
    await new Promise<void>((ok, fail) => out.end((e?: Error | null) => (e ? fail(e) : ok())));
  } catch (error) {
    out.destroy();
    await rm(tmp, { force: true });
    // The rest of a refused upload is drained so that the client reads the answer instead of a reset.
    body.resume();
    throw error;
  }
  const sha256 = hash.digest('hex');
  const path = join(dir, 'files', sha256);
  const kept = await stat(path).catch(() => undefined);
  if (kept) await rm(tmp, { force: true });
  else await rename(tmp, path);
  return { path, sha256, size };
}

/** "50mb", "2gb", "1048576" as bytes (the format of BODY_LIMIT and IMPORT_LIMIT). */
export function parseBytes(text: string): number {
  const m = /^(\d+)(kb|mb|gb)?$/i.exec(text.trim());
  if (!m) throw new RangeError(`not a size: ${text}`);
  const unit = { kb: 2 ** 10, mb: 2 ** 20, gb: 2 ** 30 }[(m[2] ?? '').toLowerCase() as 'kb'] ?? 1;
  return Number(m[1]) * unit;
}
