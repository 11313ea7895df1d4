import { describe, expect, it } from 'vitest';
import { emptyCloudWatchState } from '../cloudwatch/state.ts';
import type { Ctx } from '../ctx.ts';
import { openNetwork, type NetworkCtx } from '../elbv2/network.ts';
import { createAutoScalingGroup, describeScalingActivities, updateAutoScalingGroup } from './operations.ts';
import { rebalanceMargin } from './rebalance.ts';
import { emptyAutoScalingState, type AutoScalingAccount } from './state.ts';

// Availability Zone rebalancing (https://docs.aws.amazon.com/autoscaling/ec2/userguide/auto-scaling-benefits.html, "Rebalancing activities").

const T0 = Date.UTC(2024, 0, 8);
const zones = ['a', 'b', 'c', 'd'];

function setup(input: { MaxSize: number; DesiredCapacity: number; subnets: string }) {
  let n = 0;
  const base: Ctx = { clock: { now: () => T0 }, ids: { next: (p) => `${p}${(++n).toString(16).padStart(17, '0')}` }, accountId: '123456789012', region: 'us-east-1' };
  const ctx: NetworkCtx = { ...base, network: openNetwork(zones.map((z) => ({ SubnetId: `subnet-${z}`, AvailabilityZone: `us-east-1${z}`, VpcId: 'v' }))) };
  const state: AutoScalingAccount = { autoscaling: emptyAutoScalingState(), cloudwatch: emptyCloudWatchState() };
  createAutoScalingGroup(state, { AutoScalingGroupName: 'web', LaunchTemplate: { LaunchTemplateName: 'web' }, MinSize: 0, MaxSize: input.MaxSize, DesiredCapacity: input.DesiredCapacity, VPCZoneIdentifier: input.subnets }, ctx);
  return { state, ctx };
}

function perZone(state: AutoScalingAccount): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of state.autoscaling.groups.web!.Instances) out[i.AvailabilityZone] = (out[i.AvailabilityZone] ?? 0) + 1;
  return out;
}

describe('availability zone rebalancing', () => {
  it('evens out a zone added to a group at its maximum, launching before each termination', () => {
    const { state, ctx } = setup({ MaxSize: 4, DesiredCapacity: 4, subnets: 'subnet-a,subnet-b' });
    const before = describeScalingActivities(state, {}, ctx).Activities.length;
    updateAutoScalingGroup(state, { AutoScalingGroupName: 'web', VPCZoneIdentifier: 'subnet-a,subnet-b,subnet-c' }, ctx);
    expect(perZone(state)).toEqual({ 'us-east-1a': 1, 'us-east-1b': 2, 'us-east-1c': 1 });
    const moves = describeScalingActivities(state, {}, ctx).Activities.slice(0, -before).reverse();
    expect(moves.map((a) => a.Description.split(':')[0])).toEqual(['Launching a new EC2 instance', 'Terminating EC2 instance']);
    expect(moves[0]?.Cause).toMatch(/to rebalance .* launching in us-east-1c before terminating in us-east-1a\.$/);
    expect(moves[1]?.Cause).toMatch(/selected for termination \(us-east-1a has the most instances/);
    expect(state.autoscaling.groups.web!.DesiredCapacity).toBe(4);
  });

  it('replaces the instances of a removed zone in the remaining ones', () => {
    const { state, ctx } = setup({ MaxSize: 6, DesiredCapacity: 3, subnets: 'subnet-a,subnet-b,subnet-c' });
    updateAutoScalingGroup(state, { AutoScalingGroupName: 'web', VPCZoneIdentifier: 'subnet-a,subnet-b' }, ctx);
    expect(perZone(state)).toEqual({ 'us-east-1a': 2, 'us-east-1b': 1 });
    expect(describeScalingActivities(state, {}, ctx).Activities[0]?.Cause).toMatch(/us-east-1c is no longer one of the group's Availability Zones/);
  });

  it('moves one instance at a time, so the group stays within 10% (at least one instance) over its maximum', () => {
    const { state, ctx } = setup({ MaxSize: 20, DesiredCapacity: 20, subnets: 'subnet-a,subnet-b' });
    const before = describeScalingActivities(state, {}, ctx).Activities.length;
    updateAutoScalingGroup(state, { AutoScalingGroupName: 'web', VPCZoneIdentifier: 'subnet-a,subnet-b,subnet-c,subnet-d' }, ctx);
    expect(Object.values(perZone(state)).sort()).toEqual([5, 5, 5, 5]);
    const moves = describeScalingActivities(state, {}, ctx).Activities.slice(0, -before).reverse();
    let live = 20;
    let most = live;
    for (const a of moves) {
      live += a.Description.startsWith('Launching') ? 1 : -1;
      most = Math.max(most, live);
    }
    expect([moves.length, live, most]).toEqual([20, 20, 21]);
    expect(most).toBeLessThanOrEqual(20 + rebalanceMargin(20));
    expect([rebalanceMargin(5), rebalanceMargin(20), rebalanceMargin(35)]).toEqual([1, 2, 3]);
  });
});
