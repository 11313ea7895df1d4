import { CreateSecurityGroupCommand, CreateSubnetCommand, CreateVpcCommand, DescribeSubnetsCommand, EC2Client, RunInstancesCommand, type EC2ServiceException } from '@aws-sdk/client-ec2';
import { DOMParser, Node } from '@xmldom/xmldom';
import { exports } from 'cloudflare:workers';
import { expect, it } from 'vitest';
import { createAgent } from '../scenarios/client.ts';
import { PASSWORD } from '../scenarios/scenario.ts';

// The real `@aws-sdk/client-ec2` inside workerd, talking to the Worker (against sqld): EC2's Query dialect,
// the signature check and the guarded write of the account all run in the Worker runtime. The SDK's HTTP
// handler is swapped for the Worker's own `fetch`; serializing, signing and parsing are the SDK's.
// The SDK's browser build parses XML with the DOM's DOMParser and Node, which workerd does not have: xmldom stands in.
Object.assign(globalThis, { DOMParser, Node });
const ORIGIN = 'https://skylab.test';
const fetchWorker = (url: string, init?: RequestInit) => exports.default.fetch(url, init);

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  endpoint: string;
  region: string;
  accountId: string;
}

interface SdkRequest {
  method: string;
  protocol: string;
  hostname: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

function ec2(credentials: Credentials): EC2Client {
  return new EC2Client({
    endpoint: credentials.endpoint,
    region: credentials.region,
    credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
    maxAttempts: 1,
    requestHandler: {
      handle: async (request: SdkRequest) => {
        const res = await fetchWorker(`${request.protocol}//${request.hostname}${request.path}`, { method: request.method, headers: request.headers, body: request.body });
        return { response: { statusCode: res.status, headers: Object.fromEntries(res.headers), body: res.body } };
      },
    },
  });
}

it('builds a VPC and runs an instance through the SDK, and keeps it', async () => {
  const learner = createAgent(fetchWorker, ORIGIN);
  expect((await learner.post('/api/auth/sign-up', { email: `ec2-${crypto.randomUUID()}@example.com`, password: PASSWORD })).status).toBe(201);
  const started = await learner.post('/api/labs/iam-s3-read-only/attempts');
  expect(started.status).toBe(201);
  const { credentials } = (await learner.get(`/api/attempts/${started.body.attempt.id}/aws-credentials`)).body as { credentials: Credentials };
  const client = ec2(credentials);

  const { Vpc } = await client.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'workerd' }] }] }));
  expect(Vpc).toMatchObject({ CidrBlock: '10.0.0.0/16', OwnerId: credentials.accountId, Tags: [{ Key: 'Name', Value: 'workerd' }] });
  const { Subnet } = await client.send(new CreateSubnetCommand({ VpcId: Vpc!.VpcId!, CidrBlock: '10.0.1.0/24' }));
  const { GroupId } = await client.send(new CreateSecurityGroupCommand({ GroupName: 'web', Description: 'web tier', VpcId: Vpc!.VpcId! }));
  const run = await client.send(new RunInstancesCommand({ ImageId: 'ami-0123456789abcdef0', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, SubnetId: Subnet!.SubnetId!, SecurityGroupIds: [GroupId!] }));
  expect(run.Instances?.[0]).toMatchObject({ SubnetId: Subnet!.SubnetId, SecurityGroups: [{ GroupId, GroupName: 'web' }] });
  const { Subnets } = await client.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [Vpc!.VpcId!] }] }));
  expect(Subnets?.map((s) => s.SubnetId)).toEqual([Subnet!.SubnetId]);
  expect((await learner.get(`/api/attempts/${started.body.attempt.id}`)).body.attempt.version).toBe(5);

  const dryRun = await client.send(new CreateVpcCommand({ CidrBlock: '10.1.0.0/16', DryRun: true })).catch((error: EC2ServiceException) => error);
  expect(dryRun).toMatchObject({ name: 'DryRunOperation', $metadata: { httpStatusCode: 412 } });
});
