import { ruleTable } from '../rule-table.ts';

const r = (rulePriority: number) => ({ rulePriority, selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 }, action: { type: 'expire' } });
ruleTable('ecr/duplicate-rule-priority', 'ecr-lifecycle', { hit: [{ rules: [r(1), r(1)] }], miss: [{ rules: [r(1), r(2)] }] });
