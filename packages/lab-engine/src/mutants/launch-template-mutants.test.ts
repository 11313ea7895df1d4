import { describe, expect, it } from 'vitest';
import { parseText } from '@skylab/validation';
import { launchTemplateMutants, MUTANT_KEY_NAME } from './launch-template-mutants.ts';

const ANSWER = `LaunchTemplateData:
  InstanceType: t3.micro
  SecurityGroupIds: [app-sg]
  IamInstanceProfile: { Name: app-profile }
  MetadataOptions: { HttpTokens: required, HttpPutResponseHopLimit: 1 }
  BlockDeviceMappings: [{ DeviceName: /dev/xvda, Ebs: { Encrypted: true } }]
`;

const WITH_INTERFACE = `LaunchTemplateData:
  KeyName: ops-key
  NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: private, Groups: [app-sg], AssociatePublicIpAddress: false }]
`;

function mutantsByDescription(text: string): Map<string, unknown> {
  return new Map(launchTemplateMutants('template', text, { accountId: '111122223333', groupCidrs: new Map(), worldOpenGroups: ['open-sg'] }).map((m) => [m.description, parseText(m.answer).value]));
}

const at = (value: unknown, path: (string | number)[]): unknown => path.reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);

describe('launchTemplateMutants', () => {
  it.each([
    ['`HttpTokens` set to `optional` (IMDSv1 allowed)', ANSWER, ['MetadataOptions', 'HttpTokens'], 'optional'],
    ['`HttpPutResponseHopLimit` raised from 1 to 2', ANSWER, ['MetadataOptions', 'HttpPutResponseHopLimit'], 2],
    ['a public IP address on the primary interface', ANSWER, ['NetworkInterfaces', 0], { DeviceIndex: 0, Groups: ['app-sg'], AssociatePublicIpAddress: true }],
    ['security group `open-sg` (open to the world) swapped in', ANSWER, ['SecurityGroupIds'], ['open-sg']],
    ['the instance profile dropped', ANSWER, ['IamInstanceProfile'], undefined],
    ['encryption of `/dev/xvda` turned off', ANSWER, ['BlockDeviceMappings', 0, 'Ebs', 'Encrypted'], false],
    [`key pair \`${MUTANT_KEY_NAME}\` added`, ANSWER, ['KeyName'], MUTANT_KEY_NAME],
    ['a public IP address on the primary interface', WITH_INTERFACE, ['NetworkInterfaces', 0, 'AssociatePublicIpAddress'], true],
    ['security group `open-sg` (open to the world) swapped in', WITH_INTERFACE, ['NetworkInterfaces', 0, 'Groups'], ['open-sg']],
  ])('%s', (description, text, path, expected) => {
    const mutants = mutantsByDescription(text);
    expect([...mutants.keys()]).toContain(description);
    expect(at(mutants.get(description), ['LaunchTemplateData', ...path])).toEqual(expected);
  });

  it('adds no key pair where the answer has one, and drops no profile it does not have', () => {
    const descriptions = [...mutantsByDescription(WITH_INTERFACE).keys()];
    expect(descriptions.some((d) => d.startsWith('key pair'))).toBe(false);
    expect(descriptions).not.toContain('the instance profile dropped');
  });

  it('moves the groups onto the interface it adds, which AWS requires', () => {
    expect(at(mutantsByDescription(ANSWER).get('a public IP address on the primary interface'), ['LaunchTemplateData', 'SecurityGroupIds'])).toBeUndefined();
  });
});
