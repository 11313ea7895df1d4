import { ec2Network } from '../elbv2/ec2-network.ts';
import type { NetworkCtx } from '../elbv2/network.ts';
import type { AccountState } from '../state.ts';
import type { WireCtx, WireOperation } from './types.ts';

/**
 * Runs an ELBv2 or Auto Scaling operation with the account's own VPC as its network: subnets and
 * reachability come from the account's EC2, as they do for the lab engine.
 */
export function withAccountNetwork(operation: WireOperation): WireOperation {
  return (state: AccountState, input, ctx, caller) => {
    const withNetwork: NetworkCtx & WireCtx = { ...ctx, network: ec2Network(state.ec2) };
    return operation(state, input, withNetwork, caller);
  };
}
