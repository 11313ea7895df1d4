import type { SgRule } from '../../schemas/security-group.ts';
import type { Rule } from '../rule.ts';
import { worldOpenPort } from './world-open-port.ts';

/** Database and cache ports open to the internet: they belong behind the application tier. */
export const rule: Rule<SgRule[]> = {
  id: 'sg/database-port-open-to-world',
  severity: 'security-warning',
  kinds: ['security-groups'],
  help: 'allow the database port only from the application\'s security group',
  learnMore: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  check: (rules) => worldOpenPort(rules, [1433, 1521, 3306, 5432, 6379, 9200, 11211, 27017], 'database'),
};
