// The `skylab` command line as bundled JavaScript, so it starts without compiling TypeScript (tsx took ~1.7 s):
// dist/skylab.mjs holds every command but `users`, whose libSQL client loads a native module that the others
// do without; dist/skylab-users.mjs holds that one. Nothing generated is committed and nothing is built at
// install time: bin/skylab.mjs builds on first use and again whenever a source is newer than the bundle.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('..', import.meta.url));
const root = join(cli, '../..');
const dist = join(cli, 'dist');
export const BUNDLE = join(dist, 'skylab.mjs');
// The sources the bundle was built from (repository-relative), and the lockfile, which moves when a dependency does.
const INPUTS = join(dist, 'skylab-inputs.json');

/** True when the bundle exists and no file it was built from changed since. */
export function isFresh() {
  const built = statSync(BUNDLE, { throwIfNoEntry: false })?.mtimeMs;
  if (built === undefined) return false;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(INPUTS, 'utf8'));
  } catch {
    return false;
  }
  return inputs.every((file) => (statSync(join(root, file), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) <= built);
}

// main.ts imports `./users.ts` lazily: point that import at the second bundle instead of inlining it.
const usersApart = {
  name: 'users-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/users\.ts$/ }, (args) => (args.importer.endsWith('main.ts') ? { path: './skylab-users.mjs', external: true } : undefined));
  },
};

/** Writes a file whole or not at all, so a process starting during a build never reads half a bundle. */
function writeAtomically(path, contents) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/** Builds both bundles; the main one is written last, so that it is never newer than its companions. */
export async function buildBundle() {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: { skylab: join(cli, 'src/main.ts'), 'skylab-users': join(cli, 'src/users.ts') },
    outdir: dist,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'warning',
    // The native libSQL client cannot be bundled; it loads from node_modules, and only for `users`.
    external: ['@libsql/client'],
    // yaml and a few others are CommonJS and call require(): an ES module has none unless given one.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    plugins: [usersApart],
  });
  mkdirSync(dist, { recursive: true });
  const inputs = Object.keys(result.metafile.inputs).filter((file) => !file.includes('node_modules/'));
  writeAtomically(INPUTS, JSON.stringify([...inputs, 'package-lock.json']));
  const files = [...result.outputFiles].sort((a, b) => Number(a.path === BUNDLE) - Number(b.path === BUNDLE));
  for (const file of files) writeAtomically(file.path, file.contents);
}
