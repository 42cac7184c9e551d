/**
 * A worker's TypeScript module and everything it imports, bundled by esbuild into one JavaScript file
 * that a worker thread loads with no loader of its own.
 *
 * Under tsx a worker first registers tsx's hooks, which start a thread of their own and load esbuild
 * there, then loads its few hundred modules one by one through them. That was most of the time a bulk
 * ingest's writing thread waited for its first batch: from the worker's start to its first batch
 * prepared, 0.55-0.71 s under tsx against 0.24-0.33 s from the bundle (the ingest bench's scenario).
 *
 * Bundles are kept in node_modules/.cache/casegraph/workers, one per module, with a manifest of the
 * files that went into it. A bundle is used only while every one of them is as it was: the project's
 * own files by their content, packages by size and time of change. Otherwise it is built again, which
 * takes esbuild a fraction of a second. A bundle's name holds a hash of its contents and is never
 * rewritten, and each manifest is written whole, so processes that start workers side by side (the test
 * runner) each find a complete bundle. Packages with native code stay outside, loaded from
 * node_modules as usual.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as esbuildModule from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const WORKER_BUNDLES = join(ROOT, 'node_modules', '.cache', 'casegraph', 'workers');

/** Packages a worker may import that cannot be bundled: they load a compiled addon. */
const NATIVE_PACKAGES = ['better-sqlite3', '@node-rs/argon2'];

/** Bundled CommonJS code calls require(); an ES module has none of its own. */
const BANNER =
  "import { createRequire as __casegraphRequire } from 'node:module'; const require = __casegraphRequire(import.meta.url);";

/** A bundle older than this is removed when its module is bundled again (by a newer edit). */
const KEEP_OLD_MS = 10 * 60_000;

interface Manifest {
  bundle: string;
  node: string;
  esbuild: string;
  /** Paths from the project's root; project files by the hash of their content, package files by size and time of change. */
  inputs: [path: string, sign: string][];
}

/**
 * The URL of an up-to-date bundle of `module` (a file URL of a TypeScript module of this project),
 * built if need be; undefined if none could be had, and the caller falls back to tsx.
 */
export function workerBundle(module: URL, dir = WORKER_BUNDLES): URL | undefined {
  try {
    const entry = fileURLToPath(module);
    const name = relative(ROOT, entry)
      .split(sep)
      .join('__')
      .replace(/\.[cm]?ts$/, '');
    const manifestPath = join(dir, `${name}.json`);
    const esbuildVersion = esbuildPackageVersion();
    const known = readManifest(manifestPath);
    if (
      known &&
      known.node === process.version &&
      known.esbuild === esbuildVersion &&
      existsSync(join(dir, known.bundle)) &&
      unchanged(known)
    ) {
      return pathToFileURL(join(dir, known.bundle));
    }
    return pathToFileURL(join(dir, build(entry, name, dir, manifestPath, esbuildVersion)));
  } catch {
    return undefined;
  }
}

function build(
  entry: string,
  name: string,
  dir: string,
  manifestPath: string,
  esbuildVersion: string,
): string {
  mkdirSync(dir, { recursive: true });
  const out = esbuild().buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node}`,
    external: NATIVE_PACKAGES,
    banner: { js: BANNER },
    metafile: true,
    write: false,
    outfile: join(dir, `${name}.mjs`),
    logLevel: 'silent',
  });
  const code = out.outputFiles[0]!.contents;
  const bundle = `${name}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
  writeWhole(join(dir, bundle), code);
  const manifest: Manifest = {
    bundle,
    node: process.version,
    esbuild: esbuildVersion,
    inputs: Object.keys(out.metafile.inputs).map((p) => [p, sign(resolve(ROOT, p))]),
  };
  writeWhole(manifestPath, JSON.stringify(manifest));
  removeOld(dir, name, bundle);
  return bundle;
}

function unchanged(m: Manifest): boolean {
  try {
    for (const [path, was] of m.inputs) if (sign(resolve(ROOT, path)) !== was) return false;
    return true;
  } catch {
    // A file that went into it is gone.
    return false;
  }
}

/** What a file is known by: its content for the project's own, its size and time for a package's. */
function sign(path: string): string {
  if (path.includes(`${sep}node_modules${sep}`)) {
    const s = statSync(path);
    return `${s.size}:${s.mtimeMs}`;
  }
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function readManifest(path: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** Written beside and renamed into place, so that no reader sees half a file. */
function writeWhole(path: string, data: string | Uint8Array): void {
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}

function removeOld(dir: string, name: string, keep: string): void {
  const now = Date.now();
  for (const file of readdirSync(dir)) {
    if (file === keep || !file.startsWith(`${name}-`) || !file.endsWith('.mjs')) continue;
    const path = join(dir, file);
    try {
      if (now - statSync(path).mtimeMs > KEEP_OLD_MS) rmSync(path, { force: true });
    } catch {
      // Another process removed it first.
    }
  }
}

type Esbuild = typeof esbuildModule;
let loaded: Esbuild | undefined;
/** Loaded when first needed, and not by the bundles, which import this module when their graph does. */
function esbuild(): Esbuild {
  return (loaded ??= createRequire(import.meta.url)('esbuild') as Esbuild);
}

/** esbuild's version, read without loading esbuild when the bundle is up to date. */
function esbuildPackageVersion(): string {
  const main = createRequire(import.meta.url).resolve('esbuild');
  const pkg = JSON.parse(readFileSync(resolve(dirname(main), '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
