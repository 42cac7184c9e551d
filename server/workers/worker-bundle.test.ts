import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { entityId } from '../domain/ids.js';
import { startTsWorker, startUnderTsx } from './ts-worker.js';
import { WORKER_BUNDLES, workerBundle } from './worker-bundle.js';

const echo = new URL('../../test/support/worker-echo.ts', import.meta.url);
const ids = fileURLToPath(new URL('../domain/ids.ts', import.meta.url));

const answer = <T>(worker: Worker): Promise<T> =>
  new Promise<T>((ok, fail) => {
    worker.once('message', ok);
    worker.once('error', fail);
  }).finally(() => worker.terminate());

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A module outside the project that answers with a phone's id, and a cache of bundles of its own. */
function moduleAnswering(phone: string) {
  const dir = mkdtempSync(join(tmpdir(), 'casegraph-bundle-'));
  dirs.push(dir);
  const file = join(dir, 'answer.ts');
  const write = (p: string) =>
    writeFileSync(
      file,
      `import { parentPort } from 'node:worker_threads';\nimport { entityId } from ${JSON.stringify(ids)};\n` +
        `const phone: string = ${JSON.stringify(p)};\nparentPort!.postMessage(entityId('phone', 'phone', phone));\n`,
    );
  write(phone);
  return { url: pathToFileURL(file), cache: join(dir, 'cache'), write };
}

describe('workers on TypeScript modules', () => {
  it('run the module from its bundle, one JavaScript file, with what the module imports', async () => {
    const r = await answer<{ id: string; url: string }>(startTsWorker(echo, { key: '+919800000001' }));
    expect(r.id).toBe(entityId('phone', 'phone', '+919800000001'));
    expect(r.url.startsWith(pathToFileURL(WORKER_BUNDLES).href)).toBe(true);
    expect(r.url).toMatch(/\.mjs$/);
  });

  it('run the module through tsx when no bundle can be had', async () => {
    expect(workerBundle(echo, '/dev/null/workers')).toBeUndefined();
    const r = await answer<{ id: string; url: string }>(startUnderTsx(echo, { key: '+919800000002' }));
    expect(r).toEqual({ id: entityId('phone', 'phone', '+919800000002'), url: echo.href });
  });

  it('bundle a module again when one of its files has changed, and only then', async () => {
    const m = moduleAnswering('+919800000003');
    const first = workerBundle(m.url, m.cache)!;
    const built = statSync(first);
    expect(workerBundle(m.url, m.cache)!.href).toBe(first.href);
    expect(statSync(first)).toMatchObject({ ino: built.ino, mtimeMs: built.mtimeMs });
    expect(await answer(new Worker(first))).toBe(entityId('phone', 'phone', '+919800000003'));
    m.write('+919800000004');
    const second = workerBundle(m.url, m.cache)!;
    expect(second.href).not.toBe(first.href);
    expect(await answer(new Worker(second))).toBe(entityId('phone', 'phone', '+919800000004'));
    // The first bundle stays for a while, for a worker that was starting on it.
    expect(readdirSync(m.cache).filter((f) => f.endsWith('.mjs'))).toHaveLength(2);
  });

  it('bundle a module again when its manifest is unreadable, names a file that is gone, or its bundle is', async () => {
    const m = moduleAnswering('+919800000005');
    const first = workerBundle(m.url, m.cache)!;
    const manifest = join(
      m.cache,
      readdirSync(m.cache).find((f) => f.endsWith('.json'))!,
    );
    const good = JSON.parse(readFileSync(manifest, 'utf8')) as { inputs: [string, string][] };
    writeFileSync(manifest, '{ cut sho');
    const again = workerBundle(m.url, m.cache)!;
    expect(await answer(new Worker(again))).toBe(entityId('phone', 'phone', '+919800000005'));
    const rebuilt = statSync(again).ino;
    writeFileSync(manifest, JSON.stringify({ ...good, inputs: [...good.inputs, ['/nowhere.ts', 'x']] }));
    const third = workerBundle(m.url, m.cache)!;
    // The same code again, under the same name, but written anew.
    expect(third.href).toBe(first.href);
    expect(statSync(third).ino).not.toBe(rebuilt);
    rmSync(third);
    const fourth = workerBundle(m.url, m.cache)!;
    expect(await answer(new Worker(fourth))).toBe(entityId('phone', 'phone', '+919800000005'));
  });
});
