import { ruleTable } from '../rule-table.ts';

ruleTable('sg/invalid-port-range', 'security-groups', {
  hit: [{ IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 80, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }] }],
  miss: [{ IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 443, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }] }, { IpPermissions: [{ IpProtocol: 'icmp', FromPort: 8, ToPort: -1, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }] }],
});
