import type { AwsCredentials } from '../api/types.ts';

// IAM is the one service the attempt's endpoint serves (docs/api.md), and the emulator models no List
// call that works in every account (no ListUsers, no ListRoles), so the example reads a user the lab names.
const USER_IN_TEXT = /\buser `([\w+=,.@-]{1,64})`/i;

/** The first IAM user a lab's text names the way the labs do ("the IAM user `app-reader`"). */
export function labUserName(text: string): string | undefined {
  return USER_IN_TEXT.exec(text)?.[1];
}

/** A read-only call: it changes nothing the lab is graded on. Without a user to read, STS says who the key is, in any account. */
export function exampleCommand(userName: string | undefined): string {
  return userName === undefined ? 'aws sts get-caller-identity' : `aws iam get-user --user-name ${shellQuote(userName)}`;
}

// How the panel names each service the endpoint may answer for (by signing name).
const SERVICE_TITLES: Record<string, string> = {
  iam: 'IAM',
  sts: 'STS',
  ec2: 'EC2',
  elasticloadbalancing: 'Elastic Load Balancing',
  autoscaling: 'Auto Scaling',
  monitoring: 'CloudWatch',
  s3: 'S3',
  ecr: 'ECR',
};

/** The services as a sentence: `IAM and STS`, `EC2, Auto Scaling and CloudWatch`. */
export function serviceList(services: readonly string[]): string {
  const titles = services.map((service) => SERVICE_TITLES[service] ?? service);
  return titles.length <= 1 ? (titles[0] ?? '') : `${titles.slice(0, -1).join(', ')} and ${titles.at(-1)}`;
}

/** Stands in for the secret on screen until the learner asks to see it; the copy buttons still copy the real one. */
export const MASK = '•'.repeat(16);

/**
 * Single quotes make every character literal in POSIX shells, so a value can never expand or run
 * anything; a single quote itself has to close the string, be escaped and reopen it.
 */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** The API documents an absolute endpoint, but a path (behind a proxy that rewrites it) still resolves against the page. */
export function absoluteEndpoint(endpoint: string, origin: string): string {
  return new URL(endpoint, origin).href;
}

/**
 * Environment variables the AWS CLI v2 (2.13 and later) and the SDKs read. A session token left from
 * real AWS work would be sent along with this key and refused, so the snippet clears it.
 */
export function shellSnippet(credentials: AwsCredentials, endpointUrl: string, command: string, options: { maskSecret?: boolean } = {}): string {
  const secret = options.maskSecret === true ? MASK : shellQuote(credentials.secretAccessKey);
  return [
    `export AWS_ACCESS_KEY_ID=${shellQuote(credentials.accessKeyId)}`,
    `export AWS_SECRET_ACCESS_KEY=${secret}`,
    `export AWS_REGION=${shellQuote(credentials.region)}`,
    `export AWS_ENDPOINT_URL=${shellQuote(endpointUrl)}`,
    'unset AWS_SESSION_TOKEN AWS_PROFILE',
    command,
  ].join('\n');
}
