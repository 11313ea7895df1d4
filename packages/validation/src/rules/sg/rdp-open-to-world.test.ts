import { ruleTable } from '../rule-table.ts';

const ingress = (p: object) => ({ IpPermissions: [p] });
ruleTable('sg/rdp-open-to-world', 'security-groups', {
  hit: [ingress({ IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }), ingress({ IpProtocol: 'tcp', FromPort: 3000, ToPort: 4000, Ipv6Ranges: [{ CidrIpv6: '::/0' }] })],
  miss: [ingress({ IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }), ingress({ IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389, UserIdGroupPairs: [{ GroupId: 'sg-0123456789abcdef0' }] })],
});
