import { ruleTable } from '../rule-table.ts';

const config = (expire: number) => ({ Rules: [{ ID: 'archive', Status: 'Enabled', Filter: {}, Transitions: [{ Days: 30, StorageClass: 'STANDARD_IA' }, { Days: 90, StorageClass: 'GLACIER' }], Expiration: { Days: expire } }] });
ruleTable('s3/expiration-before-transition', 's3-lifecycle', { hit: [config(60), config(90)], miss: [config(365)] });
