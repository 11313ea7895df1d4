import { describe, expect, it } from 'vitest';
import { ruleFindings, ruleTable } from '../rule-table.ts';

const ingress = (p: object) => ({ GroupName: 'web', IpPermissions: [p] });
ruleTable('sg/ssh-open-to-world', 'security-groups', {
  hit: [
    ingress({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }),
    ingress({ IpProtocol: '6', FromPort: 20, ToPort: 25, Ipv6Ranges: [{ CidrIpv6: '::/0' }] }),
    { GroupDescription: 'web', SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }] },
    'GroupDescription: web\nSecurityGroupIngress:\n  - IpProtocol: tcp\n    FromPort: 22\n    ToPort: 22\n    CidrIp: 0.0.0.0/0\n',
  ],
  miss: [
    ingress({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '203.0.113.0/24' }] }),
    ingress({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }),
    ingress({ IpProtocol: 'udp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }),
  ],
});

describe('sg/ssh-open-to-world placement', () => {
  it('points at the CIDR in YAML', () => {
    const [finding] = ruleFindings('sg/ssh-open-to-world', 'security-groups', 'GroupDescription: web\nSecurityGroupIngress:\n  - IpProtocol: tcp\n    FromPort: 22\n    ToPort: 22\n    CidrIp: 0.0.0.0/0\n');
    expect(finding?.range?.start).toMatchObject({ line: 6, column: 13 });
    expect(finding?.message).toBe('port 22 (SSH) is open to the whole internet (`0.0.0.0/0`)');
  });
});
