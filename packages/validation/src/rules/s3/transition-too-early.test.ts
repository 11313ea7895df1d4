import { ruleTable } from '../rule-table.ts';

const config = (Days: number, StorageClass: string) => ({ Rules: [{ ID: 'archive', Status: 'Enabled', Filter: { Prefix: 'logs/' }, Transitions: [{ Days, StorageClass }] }] });
ruleTable('s3/transition-too-early', 's3-lifecycle', { hit: [config(7, 'STANDARD_IA'), config(29, 'ONEZONE_IA')], miss: [config(30, 'STANDARD_IA'), config(1, 'GLACIER')] });
