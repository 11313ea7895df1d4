import type { Lab, PathSegment } from '@skylab/validation';

type Add = (path: PathSegment[], ruleId: string, message: string) => void;

/** The lab-file keys of the S3 task, checks and setup, so a misspelt one gets a suggestion. */
export const S3_LAB_KEYS = [
  'Bucket', 'Policy', 'PublicAccessBlockConfiguration', 'BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets',
  'ServerSideEncryptionConfiguration', 'ApplyServerSideEncryptionByDefault', 'SSEAlgorithm', 'KMSMasterKeyID', 'BucketKeyEnabled',
  'VersioningConfiguration', 'Status', 'LifecycleConfiguration', 'Filter', 'Prefix', 'Transitions', 'Expiration', 'Days', 'StorageClass',
  'NoncurrentVersionTransitions', 'NoncurrentVersionExpiration', 'NoncurrentDays', 'Tagging', 'accountPublicAccessBlock', 'lifecycle',
  'equivalent-bucket', 'objects', 'ageDays', 'noncurrentDays', 'at',
];

/** `s3-bucket` tasks must name a setup bucket, and a `lifecycle` check names a task of the kind its list belongs to. */
export function s3ReferenceFindings(lab: Lab, add: Add): void {
  const buckets = new Set(lab.setup.s3.buckets.map((b) => b.Name));
  lab.tasks.forEach((task, i) => {
    if (task.kind === 's3-bucket' && !task.Bucket.includes('{{') && !buckets.has(task.Bucket)) add(['tasks', i, 'Bucket'], 'lab/unknown-resource', `there is no bucket \`${task.Bucket}\` in \`setup.s3.buckets\``);
  });
  const kinds = new Map(lab.tasks.map((t) => [t.id, t.kind]));
  lab.checks.forEach((check, i) => {
    const task = check.lifecycle?.task;
    // `objects` are a bucket's, `images` a repository's: each list needs the task kind that owns it.
    const kind = check.lifecycle?.images === undefined ? 's3-bucket' : 'ecr-repository';
    const owner = kind === 's3-bucket' ? 'the bucket of an `s3-bucket` task' : 'the repository of an `ecr-repository` task';
    if (task !== undefined && kinds.get(task) !== kind) add(['checks', i, 'lifecycle', 'task'], 'lab/wrong-task-kind', `\`lifecycle\` with \`${kind === 's3-bucket' ? 'objects' : 'images'}\` reads ${owner}, and \`${task}\` is not one`);
  });
}
