import { ruleTable } from '../rule-table.ts';

const r = (selection: object) => ({ rulePriority: 1, selection: { tagStatus: 'tagged', countType: 'imageCountMoreThan', countNumber: 5, ...selection }, action: { type: 'expire' } });
ruleTable('ecr/tagged-without-filter', 'ecr-lifecycle', { hit: [{ rules: [r({})] }], miss: [{ rules: [r({ tagPrefixList: ['release-'] })] }, { rules: [r({ tagPatternList: ['prod*'] })] }] });
