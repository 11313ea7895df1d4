import { createBucket, putObject, type AccountState, type Ctx } from '@skylab/emulator';
import type { LabSetup } from '@skylab/validation';
import { setupStep } from './lab-error.ts';
import { configureAccount, configureBucket } from './s3-bucket-configuration.ts';

/** Creates the setup's buckets and objects, then configures each bucket and the account's Block Public Access. */
export function provisionS3(state: AccountState, s3: LabSetup['s3'], ctx: Ctx): void {
  setupStep(['setup', 's3', 'accountPublicAccessBlock'], () => configureAccount(state, s3.accountPublicAccessBlock, ctx));
  s3.buckets.forEach((bucket, i) => {
    const path = ['setup', 's3', 'buckets', i];
    const { Name, Objects, ...configuration } = bucket;
    setupStep(path, () => createBucket(state, { Bucket: Name }, ctx));
    setupStep(path, () => {
      const refused = configureBucket(state, Name, configuration, ctx);
      if (refused) throw refused.error;
    });
    Objects?.forEach((object, j) => {
      setupStep([...path, 'Objects', j], () => putObject(state, { Bucket: Name, ...object }, ctx));
    });
  });
}
