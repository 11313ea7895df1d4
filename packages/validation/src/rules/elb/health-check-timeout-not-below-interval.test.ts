import { ruleTable } from '../rule-table.ts';

ruleTable('elb/health-check-timeout-not-below-interval', 'alb-target-group', {
  hit: [{ Name: 'web', HealthCheckIntervalSeconds: 10, HealthCheckTimeoutSeconds: 10 }, { Name: 'web', HealthCheckIntervalSeconds: 5 }],
  miss: [{ Name: 'web', HealthCheckIntervalSeconds: 30, HealthCheckTimeoutSeconds: 5 }, { Name: 'web' }],
});
