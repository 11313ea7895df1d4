import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyCloudWatchState } from '../cloudwatch/state.ts';
import { emptyEc2State } from '../ec2/state.ts';
import { createLaunchTemplate } from '../ec2/launch-template-operations.ts';
import { openNetwork, type NetworkCtx } from '../elbv2/network.ts';
import { restoreAccountState, type AccountState } from '../state.ts';
import { awsErrorCode, testCtx } from '../test-ctx.ts';
import { nameArbitrary } from '../test-names.ts';
import { createAutoScalingGroup, deleteAutoScalingGroup, deleteScheduledAction, describeAutoScalingGroups, describeScheduledActions, putScheduledUpdateGroupAction, setDesiredCapacity } from './operations.ts';
import { emptyAutoScalingState } from './state.ts';

// Group and scheduled action names are any 1 to 255 characters (API_CreateAutoScalingGroup.html):
// `__proto__` and `constructor` are names like any other.

const ctx: NetworkCtx = { ...testCtx(), network: openNetwork([{ SubnetId: 'subnet-a', AvailabilityZone: 'us-east-1a', VpcId: 'v' }]) };
const reload = (state: AccountState) => restoreAccountState(JSON.parse(JSON.stringify(state)));

function account(): AccountState {
  const state = restoreAccountState({ autoscaling: emptyAutoScalingState(), cloudwatch: emptyCloudWatchState(), ec2: emptyEc2State() });
  createLaunchTemplate(state, { LaunchTemplateName: 'web', LaunchTemplateData: { InstanceType: 't3.micro' } }, ctx);
  return state;
}

describe('Auto Scaling names', () => {
  it('round-trip group and scheduled action names, hostile ones included, through storage', () => {
    fc.assert(
      fc.property(fc.uniqueArray(nameArbitrary('[\\w .-]', 64), { minLength: 1, maxLength: 3 }), (names) => {
        let state = account();
        for (const n of names) expect(awsErrorCode(() => setDesiredCapacity(state, { AutoScalingGroupName: n, DesiredCapacity: 1 }, ctx))).toBe('ValidationError');
        for (const n of names) createAutoScalingGroup(state, { AutoScalingGroupName: n, LaunchTemplate: { LaunchTemplateName: 'web' }, MinSize: 0, MaxSize: 2, VPCZoneIdentifier: 'subnet-a' }, ctx);
        for (const n of names) putScheduledUpdateGroupAction(state, { AutoScalingGroupName: n, ScheduledActionName: n, Recurrence: '0 9 * * *', DesiredCapacity: 1 }, ctx);
        state = reload(state);
        // Records list integer-like keys (`3`) first, as JavaScript orders object keys: compare as sets.
        expect(describeAutoScalingGroups(state, { AutoScalingGroupNames: names }, ctx).AutoScalingGroups.map((g) => g.AutoScalingGroupName).sort()).toEqual([...names].sort());
        for (const n of names) expect(awsErrorCode(() => createAutoScalingGroup(state, { AutoScalingGroupName: n, LaunchTemplate: { LaunchTemplateName: 'web' }, MinSize: 0, MaxSize: 2, VPCZoneIdentifier: 'subnet-a' }, ctx))).toBe('AlreadyExists');
        for (const n of names) setDesiredCapacity(state, { AutoScalingGroupName: n, DesiredCapacity: 1 }, ctx);
        for (const n of names) expect(describeScheduledActions(state, { AutoScalingGroupName: n }, ctx).ScheduledUpdateGroupActions.map((a) => a.ScheduledActionName)).toEqual([n]);
        for (const n of names) deleteScheduledAction(state, { AutoScalingGroupName: n, ScheduledActionName: n }, ctx);
        state = reload(state);
        for (const n of names) deleteAutoScalingGroup(state, { AutoScalingGroupName: n, ForceDelete: true }, ctx);
        expect(describeAutoScalingGroups(state, {}, ctx).AutoScalingGroups).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
