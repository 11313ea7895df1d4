import {
  createAutoScalingGroup,
  deleteAutoScalingGroup,
  deletePolicy,
  deleteScheduledAction,
  describeAutoScalingGroups,
  describePolicies,
  describeScalingActivities,
  describeScheduledActions,
  putScalingPolicy,
  putScheduledUpdateGroupAction,
  setDesiredCapacity,
  setInstanceHealth,
  updateAutoScalingGroup,
} from './operations.ts';

/** The only place where Auto Scaling wire action names meet their functions (the wire layer dispatches through it). */
export const autoscalingActions = {
  CreateAutoScalingGroup: createAutoScalingGroup,
  UpdateAutoScalingGroup: updateAutoScalingGroup,
  DeleteAutoScalingGroup: deleteAutoScalingGroup,
  DescribeAutoScalingGroups: describeAutoScalingGroups,
  SetDesiredCapacity: setDesiredCapacity,
  SetInstanceHealth: setInstanceHealth,
  DescribeScalingActivities: describeScalingActivities,
  PutScalingPolicy: putScalingPolicy,
  DescribePolicies: describePolicies,
  DeletePolicy: deletePolicy,
  PutScheduledUpdateGroupAction: putScheduledUpdateGroupAction,
  DescribeScheduledActions: describeScheduledActions,
  DeleteScheduledAction: deleteScheduledAction,
} as const;

/** An Auto Scaling action name the emulator implements. */
export type AutoScalingActionName = keyof typeof autoscalingActions;
