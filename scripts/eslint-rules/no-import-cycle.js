import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// Import specifiers, static and dynamic, including `export … from` and type-only imports: a type cycle is
// still a design cycle between modules.
const SPECIFIER = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.mjs', '/index.ts', '/index.tsx'];

const importsCache = new Map();
let workspaceEntries;

function repoRoot(from) {
  let dir = from;
  while (dir !== dirname(dir)) {
    if (existsSync(join(dir, 'turbo.json'))) return dir;
    dir = dirname(dir);
  }
  return from;
}

/** `@skylab/<name>` → the entry file of that workspace, read from its package.json `exports`. */
function workspaceEntry(root, name) {
  if (!workspaceEntries) {
    workspaceEntries = new Map();
    for (const group of ['packages', 'apps']) {
      const base = join(root, group);
      if (!existsSync(base)) continue;
      for (const dir of readdirSafe(base)) {
        const pkgFile = join(base, dir, 'package.json');
        if (!existsSync(pkgFile)) continue;
        const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
        const entry = typeof pkg.exports === 'string' ? pkg.exports : pkg.exports?.['.'];
        if (typeof entry === 'string') workspaceEntries.set(pkg.name, resolve(base, dir, entry));
      }
    }
  }
  return workspaceEntries.get(name);
}

function readdirSafe(dir) {
  return statSync(dir).isDirectory() ? readdirSync(dir) : [];
}

function resolveFile(from, specifier, root) {
  let base;
  if (specifier.startsWith('.')) base = resolve(dirname(from), specifier);
  else if (specifier.startsWith('@skylab/')) return workspaceEntry(root, specifier);
  else return undefined;
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function importsOf(file, root) {
  let found = importsCache.get(file);
  if (found) return found;
  found = [];
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  for (const match of text.matchAll(SPECIFIER)) {
    const target = resolveFile(file, match[1] ?? match[2] ?? match[3], root);
    if (target) found.push(target);
  }
  importsCache.set(file, found);
  return found;
}

/** The shortest import chain from `start` back to itself, or undefined. Breadth-first, so reports stay short. */
function findCycle(start, root) {
  const previous = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const next of importsOf(file, root)) {
      if (next === start) {
        const chain = [file];
        for (let at = previous.get(file); at; at = previous.get(at)) chain.unshift(at);
        return [...chain, start];
      }
      if (!previous.has(next)) {
        previous.set(next, file);
        queue.push(next);
      }
    }
  }
  return undefined;
}

/** No module may reach itself through its imports (DESIGN §1: no cycles). */
export default {
  meta: { type: 'problem', schema: [], messages: { cycle: 'import cycle: {{chain}}' } },
  create(context) {
    const file = resolve(context.filename);
    const root = repoRoot(dirname(file));
    return {
      Program(node) {
        importsCache.delete(file);
        const cycle = findCycle(file, root);
        if (cycle) context.report({ node, messageId: 'cycle', data: { chain: cycle.map((f) => relative(root, f)).join(' → ') } });
      },
    };
  },
};
