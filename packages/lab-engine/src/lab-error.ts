import type { Finding } from '@skylab/validation';

/** A problem in the lab itself (an author error) found while provisioning; `findings` say where. */
export class LabError extends Error {
  readonly findings: Finding[];

  constructor(message: string, findings: Finding[]) {
    super(message);
    this.name = 'LabError';
    this.findings = findings;
  }
}
