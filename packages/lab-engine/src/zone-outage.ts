import { cloneState, type AccountState } from '@skylab/emulator';

// An Availability Zone outage, which a route table answer must survive: the zone's NAT gateways fail, so
// routes to them become blackholes, and its instances are down (https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html:
// a NAT gateway is redundant within its zone only; resources in other zones that use it lose internet
// access when its zone goes down). The other zones keep running, which is what tells a private subnet
// routed through its own zone's NAT gateway from one routed through another zone's.

/** The zones that hold a NAT gateway in either account, sorted: the outages worth comparing. */
export function outageZones(...states: AccountState[]): string[] {
  const zones = new Set<string>();
  for (const state of states) {
    for (const nat of Object.values(state.ec2.natGateways)) {
      const zone = state.ec2.subnets[nat.SubnetId]?.AvailabilityZone;
      if (zone !== undefined && nat.State === 'available') zones.add(zone);
    }
  }
  return [...zones].sort();
}

/** A copy of the account with the NAT gateways of `zone` failed and its instances stopped; the account itself when no zone is given. */
export function withZoneOutage(state: AccountState, zone: string | undefined): AccountState {
  if (zone === undefined) return state;
  const copy = cloneState(state);
  const ec2 = copy.ec2;
  const inZone = (subnetId: string | undefined) => subnetId !== undefined && ec2.subnets[subnetId]?.AvailabilityZone === zone;
  for (const nat of Object.values(ec2.natGateways)) if (inZone(nat.SubnetId) && nat.State === 'available') nat.State = 'failed';
  for (const instance of Object.values(ec2.instances)) if (inZone(instance.SubnetId) && instance.State.Name === 'running') instance.State = { Code: 80, Name: 'stopped' };
  return copy;
}
