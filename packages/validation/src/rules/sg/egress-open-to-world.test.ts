import { ruleTable } from '../rule-table.ts';

ruleTable('sg/egress-open-to-world', 'security-groups', {
  hit: [{ IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }, { GroupDescription: 'app', SecurityGroupEgress: [{ IpProtocol: '-1', CidrIpv6: '::/0' }] }],
  miss: [{ IpPermissionsEgress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }, { IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '10.0.0.0/8' }] }] }],
});
