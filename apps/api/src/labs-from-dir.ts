import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { loadLabSources, type LabSource, type LoadedLabs } from './lab-registry.ts';

/** Every `<labsDir>/<folder>/lab.yaml`, with paths relative to `root` (the repository) for readable reports. */
export function readLabSources(labsDir: string, root: string): LabSource[] {
  if (!existsSync(labsDir)) return [];
  return readdirSync(labsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(labsDir, entry.name, 'lab.yaml'))
    .filter((file) => existsSync(file))
    .sort()
    .map((file) => ({ path: relative(root, file).split(sep).join('/'), text: readFileSync(file, 'utf8') }));
}

/** Loads the labs folder the way `npm start` does; the CLI can reuse it. */
export function loadLabsFromDir(labsDir: string, root: string): LoadedLabs {
  return loadLabSources(readLabSources(labsDir, root));
}
