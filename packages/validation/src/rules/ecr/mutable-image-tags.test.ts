import { ruleTable } from '../rule-table.ts';

ruleTable('ecr/mutable-image-tags', 'ecr-repository', { hit: [{ repositoryName: 'team/web' }, { repositoryName: 'web', imageTagMutability: 'MUTABLE' }], miss: [{ repositoryName: 'web', imageTagMutability: 'IMMUTABLE' }] });
