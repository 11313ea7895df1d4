import { AwsError } from '@skylab/emulator';
import type { Finding, PathSegment } from '@skylab/validation';

/** A problem in the lab itself (an author error) found while provisioning; `findings` say where. */
export class LabError extends Error {
  readonly findings: Finding[];

  constructor(message: string, findings: Finding[]) {
    super(message);
    this.name = 'LabError';
    this.findings = findings;
  }
}

/** Runs one setup step, turning an AWS error into a `LabError` placed at the setup element `path`. */
export function setupStep<T>(path: PathSegment[], run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    const message = `setup failed with \`${error.code}\`: ${error.message}`;
    throw new LabError(message, [{ ruleId: `aws/${error.code}`, severity: 'error', path, message }, ...error.findings.map((f) => ({ ...f, path: [...path, ...f.path] }))]);
  }
}

/** A `LabError` for a setup element that names a resource the setup does not create. */
export function unknownNameError(path: PathSegment[], message: string): LabError {
  return new LabError(message, [{ ruleId: 'lab/unknown-resource', severity: 'error', path, message }]);
}
