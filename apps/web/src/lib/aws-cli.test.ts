import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { AwsCredentials } from '../api/types.ts';
import { absoluteEndpoint, exampleCommand, labUserName, MASK, serviceList, shellQuote, shellSnippet } from './aws-cli.ts';

const COMMAND = "aws iam get-user --user-name 'app-reader'";

const credentials: AwsCredentials = {
  accessKeyId: 'AKIAABCDEFGHIJKLMNOP',
  secretAccessKey: 'abc/def+ghi',
  region: 'us-east-1',
  endpoint: 'http://localhost:8787/aws/att_1',
  accountId: '123456789012',
};

/** What a real POSIX shell makes of a quoted word: the proof that quoting holds, not a re-implementation of it. */
function echoed(quoted: string): string {
  return execFileSync('/bin/sh', ['-c', `printf '%s' ${quoted}`], { encoding: 'utf8' });
}

describe('shellQuote', () => {
  it.each([
    ['plain', "'plain'"],
    ['', "''"],
    ["it's", "'it'\\''s'"],
  ])('quotes %j as %s', (value, quoted) => {
    expect(shellQuote(value)).toBe(quoted);
  });

  it.each(["it's", '$(touch /tmp/pwned)', '`id`', '$HOME', 'a b\tc\nd', '"; rm -rf / #', "''", '\\', '!event'])('keeps %j literal in a real shell', (value) => {
    expect(echoed(shellQuote(value))).toBe(value);
  });
});

describe('absoluteEndpoint', () => {
  it('keeps an absolute endpoint', () => {
    expect(absoluteEndpoint('https://skylab.example/aws/att_1', 'http://localhost:5173')).toBe('https://skylab.example/aws/att_1');
  });

  it('resolves a path against the page origin', () => {
    expect(absoluteEndpoint('/aws/att_1', 'http://localhost:5173')).toBe('http://localhost:5173/aws/att_1');
  });
});

describe('the example command', () => {
  it('finds the first user a lab names', () => {
    expect(labUserName('The reporting service runs as the IAM user `app-reader` in account `123`; the user `other` too.')).toBe('app-reader');
    expect(labUserName('A User `ci-deploy` deploys.')).toBe('ci-deploy');
  });

  it('finds nothing in a lab without users', () => {
    expect(labUserName('Open port `443` of the security group `web-sg`.')).toBeUndefined();
    expect(labUserName('the user `no spaces allowed`')).toBeUndefined();
  });

  it('reads the named user, or asks STS who the key is when the lab names none', () => {
    expect(exampleCommand('app-reader')).toBe(COMMAND);
    expect(exampleCommand(undefined)).toBe('aws sts get-caller-identity');
  });
});

describe('shellSnippet', () => {
  it('exports the four variables, clears a stale session, then runs the example', () => {
    expect(shellSnippet(credentials, credentials.endpoint, COMMAND).split('\n')).toEqual([
      "export AWS_ACCESS_KEY_ID='AKIAABCDEFGHIJKLMNOP'",
      "export AWS_SECRET_ACCESS_KEY='abc/def+ghi'",
      "export AWS_REGION='us-east-1'",
      "export AWS_ENDPOINT_URL='http://localhost:8787/aws/att_1'",
      'unset AWS_SESSION_TOKEN AWS_PROFILE',
      COMMAND,
    ]);
  });

  it('masks the secret for the screen', () => {
    const shown = shellSnippet(credentials, credentials.endpoint, COMMAND, { maskSecret: true });
    expect(shown).not.toContain(credentials.secretAccessKey);
    expect(shown).toContain(`AWS_SECRET_ACCESS_KEY=${MASK}`);
  });

  it('sets exactly the given values in a real shell, hostile ones included', () => {
    const hostile = { ...credentials, secretAccessKey: "x'$(id)`id`\"y" };
    const script = shellSnippet(hostile, "http://h/aws/a'b", COMMAND).replace(COMMAND, 'printf "%s|%s|%s|%s" "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" "$AWS_REGION" "$AWS_ENDPOINT_URL"');
    const output = execFileSync('/bin/sh', ['-c', script], { encoding: 'utf8' });
    expect(output).toBe(`${hostile.accessKeyId}|${hostile.secretAccessKey}|us-east-1|http://h/aws/a'b`);
  });
});

describe('serviceList', () => {
  it.each([
    [['iam', 'sts'], 'IAM and STS'],
    [['ec2'], 'EC2'],
    [['ec2', 'autoscaling', 'monitoring'], 'EC2, Auto Scaling and CloudWatch'],
    [['someday'], 'someday'],
  ])('%j → %s', (services, sentence) => {
    expect(serviceList(services)).toBe(sentence);
  });
});
