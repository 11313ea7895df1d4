import { insertAttempt, type AttemptRow } from '@skylab/db';
import { provision } from '@skylab/lab-engine';
import { newRootAccessKey } from './aws-secrets.ts';
import type { AppDeps } from './deps.ts';
import { engineCtx, pinnedClock } from './engine-ctx.ts';
import type { RegisteredLab } from './lab-registry.ts';

/** Where an attempt belongs when it was started for a course assignment. */
export interface AttemptPlacement {
  courseId: string;
  assignmentId: string;
}

/** A fresh attempt at a lab: its own seed, provisioned account and root access key. */
export async function startAttempt(deps: AppDeps, userId: string, registered: RegisteredLab, placement?: AttemptPlacement): Promise<AttemptRow> {
  const seed = deps.ids.next();
  const now = deps.clock.now();
  const { params, state } = provision(registered.lab, seed, engineCtx(pinnedClock(deps, now), seed, 0));
  const { accessKeyId, secretAccessKey } = newRootAccessKey();
  return insertAttempt(deps.db, {
    id: deps.ids.next(),
    userId,
    labId: registered.lab.id,
    labVersion: registered.version,
    seed,
    params,
    state,
    awsAccessKeyId: accessKeyId,
    awsSecretAccessKey: secretAccessKey,
    version: 1,
    status: 'in-progress',
    ...placement,
    createdAt: now,
    updatedAt: now,
  });
}
