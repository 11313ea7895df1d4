import type { ArtifactKind, LintResult } from '@skylab/validation';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Finding } from './api/types.ts';
import { debounce } from './lib/debounce.ts';
import { LIVE_LINT_DELAY_MS } from './lib/live-lint.ts';

type Lint = (kind: ArtifactKind, text: string) => LintResult;

let lintModule: Promise<Lint> | undefined;

/** Loads the validation code (with its IAM catalogue) once, in its own chunk, so the first paint never waits for it. */
function loadLint(): Promise<Lint> {
  lintModule ??= import('./lib/lint-engine.ts').then((module) => module.lint);
  return lintModule;
}

/**
 * The findings of `text` linted as `kind` in the browser, refreshed once typing pauses; `null` until the
 * first run, and always for a task without live lint.
 */
export function useLiveLint(kind: ArtifactKind | null, text: string): Finding[] | null {
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const run = useMemo(
    () =>
      debounce((latest: string) => {
        if (kind === null) return;
        loadLint().then(
          (lint) => setFindings(lint(kind, latest).findings),
          // Live feedback is a convenience: if the chunk cannot load, grading still reports every finding.
          () => setFindings(null),
        );
      }, LIVE_LINT_DELAY_MS),
    [kind],
  );
  useEffect(() => run.cancel, [run]);
  useEffect(() => run(text), [run, text]);
  return kind === null ? null : findings;
}
