import * as sdk from '@aws-sdk/client-ec2';
import { ec2Service, type ActionBinding } from '@skylab/emulator';
import { describe, expect, it } from 'vitest';

// Every member of every EC2 binding, filled in and sent through the real SDK's own serializer, decodes back
// to the same input: the names EC2 uses on the wire (`VpcId.N`, `Filter.N.Value.M`, `IpPermissions.N.Groups.N`,
// `LaunchTemplateData.SecurityGroupId.N` …) are the SDK's, not our guess, and nothing the SDK adds by itself
// (`ClientToken`) is refused.

type FieldSpec = NonNullable<ActionBinding['input']>[string];
type Spec = Record<string, FieldSpec>;

// Members the SDK names differently from the binding: the wire name kept by the spec and renamed by `prepare`
// (`GroupDescription`), and DescribeNatGateways' singular `Filter`.
const SDK_MEMBER: Record<string, string> = { GroupDescription: 'Description', UserGroup: 'GroupNames' };
const SDK_MEMBER_OF: Record<string, Record<string, string>> = { DescribeNatGateways: { Filters: 'Filter' } };
// Blobs travel base64-encoded.
const BLOBS: Record<string, string> = { ImportKeyPair: 'PublicKeyMaterial' };

function sample(spec: FieldSpec): unknown {
  if (typeof spec === 'string') {
    const type = spec.replace('!', '');
    return type === 'integer' ? 7 : type === 'boolean' ? true : 'x-1';
  }
  if ('list' in spec) return [sample(spec.list), sample(spec.list)];
  return filled(spec.struct);
}
const filled = (spec: Spec): Record<string, unknown> => Object.fromEntries(Object.entries(spec).map(([name, field]) => [name, sample(field)]));
const sdkInput = (action: string, input: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(input).map(([name, value]) => [SDK_MEMBER_OF[action]?.[name] ?? SDK_MEMBER[name] ?? name, name === BLOBS[action] ? new TextEncoder().encode(String(value)) : value]));
const wireInput = (action: string, input: Record<string, unknown>) => (BLOBS[action] ? { ...input, [BLOBS[action]]: btoa(String(input[BLOBS[action]])) } : input);

/** The form body the SDK would send for a command, captured instead of sent. */
async function serialized(action: string, input: Record<string, unknown>): Promise<string> {
  let body = '';
  const client = new sdk.EC2Client({
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:9',
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x'.repeat(40) },
    maxAttempts: 1,
    requestHandler: {
      handle: async (request: { body: string }) => {
        body = request.body;
        throw new Error('captured');
      },
    },
  });
  const Command = (sdk as unknown as Record<string, new (input: unknown) => sdk.DescribeVpcsCommand>)[`${action}Command`]!;
  await expect(client.send(new Command(input))).rejects.toThrow('captured');
  return body;
}

describe('EC2 request parameters as the SDK names them', () => {
  const actions = Object.keys(ec2Service.bindings);
  it.each(actions)('%s', async (action) => {
    const spec = ec2Service.bindings[action]!.input!;
    const input = filled(spec);
    const body = await serialized(action, sdkInput(action, input));
    const protocol = ec2Service.protocols[0]!;
    const call = protocol.read({ method: 'POST', url: 'http://127.0.0.1/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new TextEncoder().encode(body) }, ec2Service);
    expect(call.action).toBe(action);
    expect(call.version).toBe(ec2Service.version);
    expect(protocol.decode(call.params, spec)).toEqual(wireInput(action, input));
  });
});
