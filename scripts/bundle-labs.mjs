#!/usr/bin/env node
/**
 * workerd has no filesystem, so the Worker gets every `labs/<id>/lab.yaml` (and `labs/misconceptions.yaml`) and
 * `exams/<id>/exam.yaml` as text inside its bundle, through the module `virtual:skylab-lab-sources` (typed in
 * `apps/api/src/virtual-modules.d.ts`).
 * The vitest workers config serves it straight from `labSourcesModule()`; `wrangler deploy` runs this
 * file as its build command and aliases the module to the file written here.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const LAB_SOURCES_MODULE = 'virtual:skylab-lab-sources';
export const LAB_SOURCES_FILE = join(repoRoot, '.wrangler', 'generated', 'lab-sources.js');

/** `<folder>/<id>/<file>` paths (repo-relative, `/`-separated) in a stable order; none when the folder is missing. */
function contentFiles(folder, file) {
  const dir = join(repoRoot, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, file)))
    .map((entry) => `${folder}/${entry.name}/${file}`)
    .sort();
}

/** `labs/misconceptions.yaml` (when there is one) and the `labs/<id>/lab.yaml` paths (repo-relative, `/`-separated) in a stable order. */
export function labFiles() {
  const misconceptions = existsSync(join(repoRoot, 'labs', 'misconceptions.yaml')) ? ['labs/misconceptions.yaml'] : [];
  return [...misconceptions, ...contentFiles('labs', 'lab.yaml')];
}

/** `exams/<id>/exam.yaml` paths, like `labFiles`. */
export function examFiles() {
  return contentFiles('exams', 'exam.yaml');
}

const sourcesOf = (paths) => JSON.stringify(paths.map((path) => ({ path, text: readFileSync(join(repoRoot, path), 'utf8') })), null, 2);

/** The ES module text: `export const labSources = [{ path, text }, …]; export const examSources = […]`. */
export function labSourcesModule() {
  return `export const labSources = ${sourcesOf(labFiles())};\nexport const examSources = ${sourcesOf(examFiles())};\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(dirname(LAB_SOURCES_FILE), { recursive: true });
  writeFileSync(LAB_SOURCES_FILE, labSourcesModule());
}
