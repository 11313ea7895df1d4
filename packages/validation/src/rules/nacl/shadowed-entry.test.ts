import { ruleTable } from '../rule-table.ts';

const entry = (RuleNumber: number, RuleAction: string, CidrBlock: string, PortRange?: object, Protocol = '6') => ({ RuleNumber, Protocol, RuleAction, Egress: false, CidrBlock, ...(PortRange ? { PortRange } : {}) });
ruleTable('nacl/shadowed-entry', 'nacl-entries', {
  hit: [
    { Entries: [entry(100, 'allow', '0.0.0.0/0', { From: 0, To: 65535 }), entry(110, 'deny', '203.0.113.0/24', { From: 22, To: 22 })] },
    [entry(100, 'deny', '10.0.0.0/8', undefined, '-1'), entry(200, 'allow', '10.1.0.0/16', { From: 443, To: 443 })],
  ],
  miss: [
    { Entries: [entry(100, 'deny', '203.0.113.0/24', { From: 22, To: 22 }), entry(110, 'allow', '0.0.0.0/0', { From: 0, To: 65535 })] },
    { Entries: [entry(100, 'allow', '10.0.0.0/16', { From: 80, To: 80 }), entry(110, 'allow', '10.0.0.0/16', { From: 443, To: 443 })] },
  ],
});
