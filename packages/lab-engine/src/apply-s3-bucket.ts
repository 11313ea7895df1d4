import type { AccountState, Ctx } from '@skylab/emulator';
import { issuesToFindings, locateNearest, parseText, s3BucketAnswerSchema, type Finding, type LabTask } from '@skylab/validation';
import { configureBucket } from './s3-bucket-configuration.ts';

type S3BucketTask = Extract<LabTask, { kind: 's3-bucket' }>;

// Bucket configurations of the S3 API that Skylab does not model: named as such (fail closed), rather than
// refused as unknown keys.
const UNMODELLED = ['AccessControlPolicy', 'ACL', 'OwnershipControls', 'ObjectLockConfiguration', 'ReplicationConfiguration', 'CORSConfiguration', 'WebsiteConfiguration', 'NotificationConfiguration', 'BucketLoggingStatus', 'IntelligentTieringConfiguration', 'InventoryConfiguration', 'AccelerateConfiguration', 'RequestPaymentConfiguration', 'Tagging'];

function unmodelled(doc: ReturnType<typeof parseText>, taskId: string): Finding[] {
  const value = doc.value !== null && typeof doc.value === 'object' && !Array.isArray(doc.value) ? Object.keys(doc.value) : [];
  return value.filter((key) => UNMODELLED.includes(key)).map((key) => {
    const range = locateNearest(doc, [key]);
    return { ruleId: 's3-bucket/unsupported', severity: 'error', path: [taskId, key], ...(range ? { range } : {}), message: `\`${key}\` is not modelled by Skylab: this lab is graded on the policy, Block Public Access, encryption, versioning and lifecycle` };
  });
}

/**
 * Applies an `s3-bucket` answer to the task's bucket through the S3 operations (PutPublicAccessBlock,
 * PutBucketVersioning, PutBucketEncryption, PutBucketLifecycleConfiguration, PutBucketPolicy). What S3
 * refuses comes back as findings in the answer's text: at the place the error names (a policy statement,
 * a lifecycle field), else at the section.
 */
export function applyS3Bucket(task: S3BucketTask, text: string, state: AccountState, ctx: Ctx): Finding[] {
  const doc = parseText(text);
  const place = (fs: Finding[]) => fs.map((f) => ({ ...f, path: [task.id, ...f.path] }));
  if (doc.value === undefined || doc.findings.some((f) => f.severity === 'error')) return place(doc.findings);
  const unsupported = unmodelled(doc, task.id);
  if (unsupported.length > 0) return unsupported;
  const parsed = s3BucketAnswerSchema.safeParse(doc.value);
  if (!parsed.success) return place(issuesToFindings(parsed.error.issues, doc, { rulePrefix: 's3-bucket' }));
  const refused = configureBucket(state, task.Bucket, parsed.data, ctx);
  if (!refused) return [];
  const { section, error } = refused;
  const lab = error.code === 'NoSuchBucket' ? ': this is a problem in the lab, not in your answer' : '';
  const located = error.findings.length > 0 ? error.findings.map((f) => ({ ...f, path: [section, ...f.path] })) : [{ ruleId: `aws/${error.code}`, severity: 'error' as const, path: [section], message: '' }];
  return located.map((f) => {
    const range = locateNearest(doc, f.path);
    return { ruleId: `aws/${error.code}`, severity: 'error', path: [task.id, ...f.path], ...(range ? { range } : {}), message: `\`${error.code}\`: ${error.message}${lab}` };
  });
}
