import { ruleTable } from '../rule-table.ts';

const ingress = (p: object) => ({ IpPermissions: [p] });
ruleTable('sg/database-port-open-to-world', 'security-groups', {
  hit: [ingress({ IpProtocol: 'tcp', FromPort: 3306, ToPort: 3306, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }), ingress({ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, Ipv6Ranges: [{ CidrIpv6: '::/0' }] })],
  miss: [ingress({ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: 'sg-0123456789abcdef0' }] }), ingress({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] })],
});
