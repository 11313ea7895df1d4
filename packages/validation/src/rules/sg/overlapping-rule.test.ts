import { ruleTable } from '../rule-table.ts';

const rule = (FromPort: number, ToPort: number, CidrIp: string) => ({ IpProtocol: 'tcp', FromPort, ToPort, IpRanges: [{ CidrIp }] });
ruleTable('sg/overlapping-rule', 'security-groups', {
  hit: [{ IpPermissions: [rule(0, 1024, '10.0.0.0/8'), rule(443, 443, '10.1.0.0/16')] }, { IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '10.0.0.0/8' }] }, rule(22, 22, '10.0.0.5/32')] }],
  miss: [{ IpPermissions: [rule(80, 80, '10.0.0.0/8'), rule(443, 443, '10.0.0.0/8')] }, { IpPermissions: [rule(443, 443, '10.0.0.0/16'), rule(443, 443, '10.1.0.0/16')] }],
});
