import { ruleTable } from '../rule-table.ts';

ruleTable('elb/fewer-than-two-azs', 'load-balancer', {
  hit: [{ Name: 'web', Subnets: ['subnet-a'] }, { Name: 'web', Type: 'application', SubnetMappings: [{ SubnetId: 'subnet-a' }] }],
  miss: [{ Name: 'web', Subnets: ['subnet-a', 'subnet-b'] }, { Name: 'nlb', Type: 'network', Subnets: ['subnet-a'] }],
});
