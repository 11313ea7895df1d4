import { ACCOUNT, ALICE, allow, BOB_OTHER, deny, identity, OTHER, resource, ROLE, type GoldenCase } from './harness.ts';

// KMS key policies: unlike other resource-based policies, IAM policies count for a KMS key only when its key
// policy allows the account (`arn:aws:iam::ACCOUNT:root`), and without the key policy's permission even the
// account root user has none.
const OVERVIEW = 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html';
const DEFAULT = 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html';
const EXTERNAL = 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html';
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const DECRYPT = { action: 'kms:Decrypt', resource: KEY } as const;
const keyPolicy = (...statements: object[]) => resource(...statements);
const enableIam = { ...allow('kms:*'), Principal: { AWS: ROOT } };

type Row = [name: string, source: string, policies: GoldenCase['policies'], request: GoldenCase['request'], decision: GoldenCase['decision'], more?: Pick<GoldenCase, 'determinate' | 'unsupported'>];

const rows: Row[] = [
  ['IAM policies count when the key policy allows the account', DEFAULT, [keyPolicy(enableIam), identity(allow('kms:Decrypt'))], DECRYPT, 'Allowed'],
  ['the key policy allowing the account grants nothing by itself', DEFAULT, [keyPolicy(enableIam)], DECRYPT, 'ImplicitDeny'],
  ['IAM policies have no effect when the key policy does not allow the account', OVERVIEW, [keyPolicy({ ...allow('kms:*'), Principal: { AWS: ROLE } }), identity(allow('kms:*'))], DECRYPT, 'ImplicitDeny'],
  ['a key policy naming the user allows without an IAM policy', OVERVIEW, [keyPolicy({ ...allow('kms:Decrypt'), Principal: { AWS: ALICE } })], DECRYPT, 'Allowed'],
  ['the account root user has only what the key policy gives', OVERVIEW, [keyPolicy({ ...allow('kms:*'), Principal: { AWS: ROLE } })], { ...DECRYPT, principalArn: ROOT }, 'ImplicitDeny'],
  ['the account root user is allowed when the key policy allows the account', DEFAULT, [keyPolicy(enableIam)], { ...DECRYPT, principalArn: ROOT }, 'Allowed'],
  ['an explicit deny in the key policy wins over IAM policies', OVERVIEW, [keyPolicy(enableIam, { ...deny('kms:Decrypt'), Principal: { AWS: ALICE } }), identity(allow('kms:*'))], DECRYPT, 'ExplicitDeny'],
  ['another account: its IAM policies count when the key policy allows that account', EXTERNAL, [keyPolicy(enableIam, { ...allow('kms:Decrypt'), Principal: { AWS: `arn:aws:iam::${OTHER}:root` } }), identity(allow('kms:Decrypt'))], { ...DECRYPT, principalArn: BOB_OTHER }, 'Allowed'],
  ['another account: the key policy alone is not enough', EXTERNAL, [keyPolicy({ ...allow('kms:Decrypt'), Principal: { AWS: `arn:aws:iam::${OTHER}:root` } })], { ...DECRYPT, principalArn: BOB_OTHER }, 'ImplicitDeny'],
  [
    'without a key policy the request is not decided: Skylab does not model KMS keys',
    OVERVIEW,
    [identity(allow('kms:*'))],
    DECRYPT,
    'ImplicitDeny',
    { determinate: false, unsupported: ['the key policy of a KMS key (none was given, and Skylab does not model KMS keys)'] },
  ],
  ['an action on no key (`kms:ListKeys`, `*`) is decided by IAM policies alone', `https://docs.aws.amazon.com/kms/latest/developerguide/kms-api-permissions-reference.html`, [identity(allow('kms:ListKeys'))], { action: 'kms:ListKeys', resource: '*' }, 'Allowed'],
];

/** KMS key policies and when they let IAM policies count. */
export const kmsKeyPolicyCases: GoldenCase[] = rows.map(([name, source, policies, request, decision, more]) => ({ name, source, policies, request, decision, ...more }));
