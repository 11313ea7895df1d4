import { ruleTable } from '../rule-table.ts';

const action = (Recurrence: string) => ({ ScheduledActionName: 'morning', Recurrence, MinSize: 2, MaxSize: 4 });
ruleTable('asg/invalid-recurrence', 'scheduled-action', {
  hit: [action('0 8 * *'), action('0 25 * * *'), action('0 8 * * MON-FRI *'), action('*/0 8 * * *')],
  miss: [action('0 8 * * 1-5'), action('*/15 8-18 * * MON-FRI'), action('30 6 1,15 * *')],
});
