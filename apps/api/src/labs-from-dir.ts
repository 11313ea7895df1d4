import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { loadLabSources, type LabSource, type LoadedLabs } from './lab-registry.ts';

/** `labs/x/lab.yaml` for files inside the repository, the absolute path for anything else. */
function displayPath(file: string, root: string): string {
  const inside = relative(root, file);
  return (inside.startsWith('..') || isAbsolute(inside) ? file : inside).split(sep).join('/');
}

/**
 * Every `<labsDir>/<folder>/lab.yaml`, and `<labsDir>/misconceptions.yaml` when there is one, with paths
 * relative to `root` (the repository) for readable reports.
 */
export function readLabSources(labsDir: string, root: string): LabSource[] {
  if (!existsSync(labsDir)) return [];
  const labFiles = readdirSync(labsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(labsDir, entry.name, 'lab.yaml'));
  return [join(labsDir, 'misconceptions.yaml'), ...labFiles.sort()]
    .filter((file) => existsSync(file))
    .map((file) => ({ path: displayPath(file, root), text: readFileSync(file, 'utf8') }));
}

/** Loads the labs folder the way `npm start` does; the CLI can reuse it. */
export function loadLabsFromDir(labsDir: string, root: string): LoadedLabs {
  return loadLabSources(readLabSources(labsDir, root));
}
