import { ruleTable } from '../rule-table.ts';

const https = { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.0.0.0/16' }] };
ruleTable('sg/duplicate-rule', 'security-groups', {
  hit: [{ IpPermissions: [https, https] }, { IpPermissions: [{ ...https, IpRanges: [{ CidrIp: '10.0.0.0/16' }, { CidrIp: '10.0.0.0/16' }] }] }],
  miss: [{ IpPermissions: [https, { ...https, FromPort: 80, ToPort: 80 }] }, { SecurityGroups: [{ IpPermissions: [https] }, { IpPermissions: [https] }] }, { IpPermissions: [https], IpPermissionsEgress: [https] }],
});
