import { ruleTable } from '../rule-table.ts';

const r = (rulePriority: number, tagStatus: string) => ({ rulePriority, selection: { tagStatus, ...(tagStatus === 'tagged' ? { tagPrefixList: ['v'] } : {}), countType: 'imageCountMoreThan', countNumber: 10 }, action: { type: 'expire' } });
ruleTable('ecr/any-rule-not-last', 'ecr-lifecycle', { hit: [{ rules: [r(1, 'any'), r(2, 'untagged')] }], miss: [{ rules: [r(1, 'untagged'), r(2, 'tagged'), r(3, 'any')] }] });
