// `npm run bench` (apps/api): signed EC2 round trips per second on Node, through the real `@aws-sdk/client-ec2`
// and the real HTTP server: a read (DescribeSubnets) and a write (ModifySubnetAttribute, which reads, changes
// and stores the attempt's whole account). One call after another, as a learner's script sends them.
// `node --import tsx bench/aws-wire-ec2.bench.ts [calls]`
import { CreateSubnetCommand, CreateVpcCommand, DescribeSubnetsCommand, EC2Client, ModifySubnetAttributeCommand } from '@aws-sdk/client-ec2';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { FIXED_NOW } from '../test/support/deterministic.ts';
import { testApp } from '../test/support/test-app.ts';

const CALLS = Number(process.argv[2] ?? 300);
// Each call loads, copies and stores the attempt's account, as IAM's do; 50 a second is far beyond what a
// learner sends (the CLI alone takes a few hundred milliseconds to start per call).
const GOAL_PER_SECOND = 50;

interface Credentials {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}
interface Body {
  attempt: { id: string };
  credentials: Credentials;
}

async function json(res: Response) {
  return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0], body: (await res.json()) as Body };
}

const { app } = await testApp();
const server = await new Promise<ServerType>((resolve) => {
  const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
});
try {
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = (path: string, body: unknown, cookie?: string) =>
    fetch(`${origin}${path}`, { method: 'POST', headers: { origin, 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) }).then(json);
  const signUp = await post('/api/auth/sign-up', { email: 'bench@example.com', password: 'correct horse battery' });
  const attempt = await post('/api/labs/iam-s3-read-only/attempts', {}, signUp.cookie);
  const c = (await fetch(`${origin}/api/attempts/${attempt.body.attempt.id}/aws-credentials`, { headers: { cookie: signUp.cookie! } }).then(json)).body.credentials;
  const client = new EC2Client({ endpoint: c.endpoint, region: c.region, credentials: c, systemClockOffset: FIXED_NOW - Date.now(), maxAttempts: 1 });
  const { Vpc } = await client.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }));
  const { Subnet } = await client.send(new CreateSubnetCommand({ VpcId: Vpc!.VpcId!, CidrBlock: '10.0.1.0/24' }));

  const measure = async (label: string, call: (i: number) => Promise<unknown>) => {
    const start = performance.now();
    for (let i = 0; i < CALLS; i++) await call(i);
    const perSecond = CALLS / ((performance.now() - start) / 1000);
    const verdict = perSecond >= GOAL_PER_SECOND ? 'ok' : 'MISSED';
    console.log(`${label.padEnd(40)} ${perSecond.toFixed(0).padStart(6)} round trips/s  (goal ${GOAL_PER_SECOND}/s: ${verdict}, ${CALLS} calls)`);
  };
  await measure('EC2 read: DescribeSubnets', () => client.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [Vpc!.VpcId!] }] })));
  await measure('EC2 write: ModifySubnetAttribute', (i) => client.send(new ModifySubnetAttributeCommand({ SubnetId: Subnet!.SubnetId!, MapPublicIpOnLaunch: { Value: i % 2 === 0 } })));
} finally {
  await new Promise((resolve) => server.close(resolve));
}
