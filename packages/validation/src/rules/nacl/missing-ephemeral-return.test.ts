import { ruleTable } from '../rule-table.ts';

const https = { RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 443, To: 443 } };
const ephemeralOut = { RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0', PortRange: { From: 1024, To: 65535 } };
ruleTable('nacl/missing-ephemeral-return', 'nacl-entries', {
  hit: [{ Entries: [https] }, { Entries: [https, { ...ephemeralOut, PortRange: { From: 32768, To: 60999 } }] }, { Entries: [{ ...https, Egress: true }] }],
  miss: [{ Entries: [https, ephemeralOut] }, { Entries: [https, { ...ephemeralOut, Protocol: '-1', PortRange: undefined }] }],
});
