import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { loadExamSources, type LoadedExams } from './exam-registry.ts';
import { loadLabSources, type LabRegistry, type LabSource, type LoadedLabs } from './lab-registry.ts';

/** `labs/x/lab.yaml` for files inside the repository, the absolute path for anything else. */
function displayPath(file: string, root: string): string {
  const inside = relative(root, file);
  return (inside.startsWith('..') || isAbsolute(inside) ? file : inside).split(sep).join('/');
}

/** Every `<dir>/<folder>/<fileName>` after the `first` files that exist, with paths relative to `root` (the repository) for readable reports. */
function folderSources(dir: string, root: string, fileName: string, first: string[] = []): LabSource[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(dir, entry.name, fileName));
  return [...first, ...files.sort()]
    .filter((file) => existsSync(file))
    .map((file) => ({ path: displayPath(file, root), text: readFileSync(file, 'utf8') }));
}

/** Every `<labsDir>/<folder>/lab.yaml`, and `<labsDir>/misconceptions.yaml` when there is one. */
export function readLabSources(labsDir: string, root: string): LabSource[] {
  return folderSources(labsDir, root, 'lab.yaml', [join(labsDir, 'misconceptions.yaml')]);
}

/** Every `<examsDir>/<folder>/exam.yaml`. */
export function readExamSources(examsDir: string, root: string): LabSource[] {
  return folderSources(examsDir, root, 'exam.yaml');
}

/** Loads the labs folder the way `npm start` does; the CLI can reuse it. */
export function loadLabsFromDir(labsDir: string, root: string): LoadedLabs {
  return loadLabSources(readLabSources(labsDir, root));
}

/** Loads the exams folder (`EXAMS_DIR`, `exams/` by default) against the loaded labs. */
export function loadExamsFromDir(examsDir: string, root: string, labs: LabRegistry): LoadedExams {
  return loadExamSources(readExamSources(examsDir, root), labs);
}
