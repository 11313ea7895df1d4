import { parseCidr, parsedPolicy, type PolicyStatement } from '@skylab/validation';

// "The meaning of public" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status):
// a bucket policy is public unless every Allow statement grants only to fixed values: a fixed AWS or
// service principal (no `*`), or, for a `*` principal, a condition that pins the caller to a set of CIDR
// ranges (`aws:SourceIp`) or to a fixed `aws:SourceArn`, `aws:SourceVpc`, `aws:SourceVpce`,
// `aws:SourceOwner`, `aws:SourceAccount`, `aws:PrincipalOrgID`, `aws:userid` (outside `AROLEID:*`) or
// `s3:x-amz-server-side-encryption-aws-kms-key-id`. A value is fixed when it has no wildcard; an
// operator fixes it when it compares for equality and is not `…IfExists` (an absent key would pass).

const FIXING_KEYS = new Set([
  'aws:sourcearn',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceowner',
  'aws:sourceaccount',
  'aws:principalorgid',
  'aws:userid',
  's3:x-amz-server-side-encryption-aws-kms-key-id',
]);
const EQUALITY = new Set(['stringequals', 'stringequalsignorecase', 'arnequals', 'stringlike', 'arnlike']);

/** Why one Allow statement makes the policy public, or undefined when it grants only to fixed values. */
function publicReason(statement: PolicyStatement, index: number): string | undefined {
  if (statement.Effect !== 'Allow') return undefined;
  const at = `statement ${statement.Sid ? `\`${statement.Sid}\`` : index + 1}`;
  if (statement.NotPrincipal !== undefined) return `${at} allows everyone but the \`NotPrincipal\``;
  const principal = statement.Principal;
  if (principal === undefined) return undefined;
  const open = principal === '*' || Object.values(principal).some((values) => (values ?? []).some((v) => v.includes('*') || v.includes('?')));
  if (!open) return undefined;
  if (fixedByCondition(statement)) return undefined;
  return `${at} allows \`Principal: *\` without a condition that pins the caller to fixed values (\`aws:SourceVpce\`, \`aws:SourceArn\`, \`aws:SourceAccount\`, \`aws:SourceIp\` …)`;
}

function fixedByCondition(statement: PolicyStatement): boolean {
  for (const [operator, block] of Object.entries(statement.Condition ?? {})) {
    const op = operator.toLowerCase();
    for (const [key, values] of Object.entries(block)) {
      const k = key.toLowerCase();
      if (op === 'ipaddress' && k === 'aws:sourceip' && values.every((v) => parseCidr(v.includes('/') ? v : `${v}/32`) !== undefined && !/\/0$/.test(v))) return true;
      if (!EQUALITY.has(op) || !FIXING_KEYS.has(k)) continue;
      const fixed = values.every((v) => !v.includes('*') && !v.includes('?') && !(k === 'aws:userid' && /^AROA[A-Z0-9]+:\*$/.test(v)));
      if (fixed) return true;
    }
  }
  return false;
}

/** Whether a bucket policy is public in S3's sense, with the reason per public statement (GetBucketPolicyStatus's `IsPublic`). */
export function policyPublicity(policy: string | undefined): { IsPublic: boolean; reasons: string[] } {
  if (policy === undefined) return { IsPublic: false, reasons: [] };
  const document = parsedPolicy(policy);
  // A policy that does not read is never stored (PutBucketPolicy refuses it); fail closed if one is.
  if (!document) return { IsPublic: true, reasons: ['the policy does not parse, so nothing shows it is not public'] };
  const reasons = document.Statement.flatMap((s, i) => publicReason(s, i) ?? []);
  return { IsPublic: reasons.length > 0, reasons };
}
