import { createAlias, createKey, describeKey, getKeyPolicy, putKeyPolicy } from './operations.ts';

/** The only place where KMS wire action names meet their functions. */
export const kmsActions = {
  CreateKey: createKey,
  CreateAlias: createAlias,
  DescribeKey: describeKey,
  GetKeyPolicy: getKeyPolicy,
  PutKeyPolicy: putKeyPolicy,
} as const;

/** A KMS action name the emulator implements. */
export type KmsActionName = keyof typeof kmsActions;
