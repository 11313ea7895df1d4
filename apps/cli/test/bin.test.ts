// The built executable as a user runs it: a real child process, stdin piped from `cat`, no tsx.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE, buildBundle, isFresh } from '../scripts/bundle.mjs';

const BIN = resolve(import.meta.dirname, '../bin/skylab.mjs');
const dir = mkdtempSync(join(tmpdir(), 'skylab-bin-'));

/** Runs `skylab …`, with the file piped in through a shell when one is given, as `cat big.jsonl | skylab … -` would. */
function skylab(args: string[], pipedFile?: string) {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
  const result = spawnSync('sh', ['-c', pipedFile ? `cat '${pipedFile}' | ${command}` : command], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

beforeAll(async () => {
  await buildBundle();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }] });
const iamRequest = (key: number) => JSON.stringify({ PolicyInputList: [policy], ActionNames: ['s3:GetObject'], ResourceArns: [`arn:aws:s3:::reports/${key}.csv`] });
const network = {
  Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' }],
  Subnets: [{ SubnetId: 'subnet-1', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24' }],
  RouteTables: [{ RouteTableId: 'rtb-1', VpcId: 'vpc-1', Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' }], Associations: [{ Main: true }] }],
  SecurityGroups: [{ GroupId: 'sg-1', VpcId: 'vpc-1', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.0.0.0/16' }] }], IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }],
  Instances: [
    { InstanceId: 'i-a', SubnetId: 'subnet-1', VpcId: 'vpc-1', NetworkInterfaces: [{ NetworkInterfaceId: 'eni-a', PrivateIpAddress: '10.0.1.10', Groups: [{ GroupId: 'sg-1' }] }] },
    { InstanceId: 'i-b', SubnetId: 'subnet-1', VpcId: 'vpc-1', NetworkInterfaces: [{ NetworkInterfaceId: 'eni-b', PrivateIpAddress: '10.0.1.11', Groups: [{ GroupId: 'sg-1' }] }] },
  ],
};
const networkScenario = (port: number) => JSON.stringify({ ...network, Query: { Source: 'i-a', Destination: 'i-b', Protocol: 'tcp', DestinationPort: port } });

describe('the skylab executable', () => {
  it.each([
    { name: 'help', args: ['--help'], code: 0, out: /^usage: skylab labs validate/ },
    { name: 'a schema', args: ['schema', 'iam-scp'], code: 0, out: /"\$schema"/ },
    { name: 'no arguments', args: [], code: 2, err: /^usage: skylab/ },
    { name: 'a missing file', args: ['simulate', 'network', 'missing.json'], code: 2, err: /^cannot read `missing\.json`$/m },
  ])('runs from the bundle: $name', ({ args, code, out, err }) => {
    const before = statSync(BUNDLE).mtimeMs;
    const result = skylab(args);
    expect(result.code).toBe(code);
    if (out) expect(result.out).toMatch(out);
    if (err) expect(result.err).toMatch(err);
    expect(statSync(BUNDLE).mtimeMs).toBe(before);
  });

  it('rebuilds the bundle when a source is newer, and not again after', () => {
    const source = resolve(import.meta.dirname, '../src/usage.ts');
    const { atime, mtime } = statSync(source);
    try {
      utimesSync(source, atime, new Date(statSync(BUNDLE).mtimeMs + 1000));
      expect(isFresh()).toBe(false);
      expect(skylab(['--help']).code).toBe(0);
    } finally {
      utimesSync(source, atime, mtime);
    }
    expect(isFresh()).toBe(true);
  });

  it.each([
    { name: 'over 1 MB of IAM requests', args: ['simulate', 'iam', '-'], lines: Array.from({ length: 8000 }, (_, i) => iamRequest(i)), minBytes: 1024 * 1024, code: 0, check: (a: { EvaluationResults: { EvalDecision: string }[] }) => a.EvaluationResults[0]?.EvalDecision === 'allowed' },
    { name: 'thousands of network scenarios in a batch', args: ['simulate', 'network', '-', '--batch'], lines: Array.from({ length: 3000 }, (_, i) => networkScenario(i % 2 ? 443 : 22)), code: 0, check: (a: { Line: number; Results: { NetworkPathFound: boolean }[] }) => a.Results[0]?.NetworkPathFound === (a.Line % 2 === 0) },
    { name: 'a batch with a bad line in the middle', args: ['simulate', 'network', '-', '--batch'], lines: [networkScenario(443), '{oops', networkScenario(443)], code: 1, check: (a: { Line: number; Error?: object }) => (a.Line === 2) === (a.Error !== undefined) },
  ])('reads $name piped through stdin and answers every line', ({ name, args, lines, minBytes = 0, code, check }) => {
    const input = file(`${name.replaceAll(' ', '-')}.jsonl`, lines);
    expect(statSync(input).size).toBeGreaterThan(minBytes);
    const result = skylab(args, input);
    expect(result.err).toBe('');
    expect(result.code).toBe(code);
    const answers = result.out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(answers).toHaveLength(lines.length);
    expect(answers.every(check)).toBe(true);
  });
});
