import { ruleTable } from '../rule-table.ts';

const entry = (RuleNumber: number, Egress: boolean) => ({ RuleNumber, Protocol: '-1', RuleAction: 'allow', Egress, CidrBlock: '10.0.0.0/16' });
ruleTable('nacl/duplicate-rule-number', 'nacl-entries', {
  hit: [{ Entries: [entry(100, false), entry(100, false)] }],
  miss: [{ Entries: [entry(100, false), entry(100, true)] }, { Entries: [entry(100, false), entry(110, false)] }],
});
