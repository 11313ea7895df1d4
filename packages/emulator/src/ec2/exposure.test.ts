import { describe, expect, it } from 'vitest';
import { exposureReport } from './exposure.ts';
import { threeTier } from './golden/scenarios.ts';
import { createNetworkAclEntry, replaceNetworkAclAssociation } from './network-acl-operations.ts';
import { authorizeSecurityGroupIngress } from './security-group-operations.ts';
import { stopInstances } from './instance-operations.ts';

function summary(report: ReturnType<typeof exposureReport>) {
  return report.Exposures.map((e) => `${e.InstanceId} ${e.Protocol} ${e.PortRange?.From}-${e.PortRange?.To} ${e.SourceCidr} ${e.Scope}`).sort();
}

describe('exposureReport', () => {
  it('in the three-tier vpc only the load balancer is open to the world and the bastion to the office', () => {
    const { state, names } = threeTier();
    expect(summary(exposureReport(state))).toEqual(
      [`${names.bastion} tcp 22-22 203.0.113.0/24 restricted`, `${names.lb} tcp 443-443 0.0.0.0/0 world`, `${names.lb} tcp 80-80 0.0.0.0/0 world`].sort(),
    );
  });

  it.each([
    ['ssh from anywhere on a public instance is exposed', 'lbSg', 'lb', 22, true],
    ['ssh from anywhere on a private instance is not: it has no public address', 'appSg', 'app', 22, false],
    ['a private source range never arrives from the internet', 'lbSg', 'lb', 5432, false],
  ])('%s', (_name, group, instance, port, exposed) => {
    const { state, names } = threeTier();
    const cidr = port === 5432 ? '10.0.0.0/8' : '0.0.0.0/0';
    authorizeSecurityGroupIngress(state, { GroupId: names[group] ?? '', IpPermissions: [{ IpProtocol: 'tcp', FromPort: port, ToPort: port, IpRanges: [{ CidrIp: cidr }] }] });
    expect(exposureReport(state).Exposures.some((e) => e.InstanceId === names[instance] && e.PortRange?.From === port)).toBe(exposed);
  });

  it('the subnet acl narrows an exposed range', () => {
    const { state, names, ctx } = threeTier();
    authorizeSecurityGroupIngress(state, { GroupId: names.lbSg ?? '', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 8000, ToPort: 8999, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
    replaceNetworkAclAssociation(state, { AssociationId: names.publicAclAssoc ?? '', NetworkAclId: names.publicAcl ?? '' }, ctx);
    const acl = names.publicAcl ?? '';
    createNetworkAclEntry(state, { NetworkAclId: acl, RuleNumber: 100, Protocol: '6', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 8500, To: 8999 } });
    createNetworkAclEntry(state, { NetworkAclId: acl, RuleNumber: 110, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 0, To: 65535 } });
    createNetworkAclEntry(state, { NetworkAclId: acl, RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0', PortRange: { From: 1024, To: 65535 } });
    const lb = exposureReport(state).Exposures.filter((e) => e.InstanceId === names.lb && e.PortRange && e.PortRange.From >= 8000);
    expect(lb.map((e) => e.PortRange)).toEqual([{ From: 8000, To: 8499 }]);
  });

  it('a stopped instance is closed, with the reason', () => {
    const { state, names, ctx } = threeTier();
    stopInstances(state, { InstanceIds: [names.bastion ?? ''] }, ctx);
    const report = exposureReport(state);
    expect(report.Exposures.some((e) => e.InstanceId === names.bastion)).toBe(false);
  });
});
