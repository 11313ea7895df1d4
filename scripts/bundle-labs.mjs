#!/usr/bin/env node
/**
 * workerd has no filesystem, so the Worker gets every `labs/<id>/lab.yaml` (and `labs/misconceptions.yaml`) as text inside its bundle,
 * through the module `virtual:skylab-lab-sources` (typed in `apps/api/src/virtual-modules.d.ts`).
 * The vitest workers config serves it straight from `labSourcesModule()`; `wrangler deploy` runs this
 * file as its build command and aliases the module to the file written here.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const LAB_SOURCES_MODULE = 'virtual:skylab-lab-sources';
export const LAB_SOURCES_FILE = join(repoRoot, '.wrangler', 'generated', 'lab-sources.js');

/** `labs/misconceptions.yaml` (when there is one) and the `labs/<id>/lab.yaml` paths (repo-relative, `/`-separated) in a stable order. */
export function labFiles() {
  const labsDir = join(repoRoot, 'labs');
  const labs = readdirSync(labsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(labsDir, entry.name, 'lab.yaml')))
    .map((entry) => `labs/${entry.name}/lab.yaml`)
    .sort();
  return [...(existsSync(join(labsDir, 'misconceptions.yaml')) ? ['labs/misconceptions.yaml'] : []), ...labs];
}

/** The ES module text: `export const labSources = [{ path, text }, …]`. */
export function labSourcesModule() {
  const sources = labFiles().map((path) => ({ path, text: readFileSync(join(repoRoot, path), 'utf8') }));
  return `export const labSources = ${JSON.stringify(sources, null, 2)};\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(dirname(LAB_SOURCES_FILE), { recursive: true });
  writeFileSync(LAB_SOURCES_FILE, labSourcesModule());
}
