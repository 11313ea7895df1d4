import { ruleTable } from '../rule-table.ts';

const ingress = (p: object) => ({ IpPermissions: [p] });
ruleTable('sg/all-ports-open-to-world', 'security-groups', {
  hit: [ingress({ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }), ingress({ IpProtocol: 'tcp', FromPort: 0, ToPort: 65535, Ipv6Ranges: [{ CidrIpv6: '::/0' }] })],
  miss: [ingress({ IpProtocol: '-1', IpRanges: [{ CidrIp: '10.0.0.0/16' }] }), ingress({ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }), { IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }],
});
