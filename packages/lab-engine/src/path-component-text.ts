import type { AnalysisRouteTableRoute, PathComponent } from '@skylab/emulator';
import type { ResourceNames } from './resource-names.ts';

// The parts of a path hop that both the explanation (with user values in backticks) and the report's
// diagram (plain) put into words: a matched security group rule's traffic and peer, a route's target.

type MatchedSecurityGroupRule = NonNullable<PathComponent['SecurityGroupRule']>;

/** `tcp 443`, `udp 1024-65535` or `all traffic`. */
export function sgRuleTraffic(rule: MatchedSecurityGroupRule): string {
  const range = rule.PortRange;
  const ports = range ? ` ${range.From === range.To ? range.From : `${range.From}-${range.To}`}` : '';
  return `${rule.Protocol === '-1' ? 'all traffic' : rule.Protocol}${ports}`;
}

/** Whom the rule admits or reaches, `group app-sg` or its CIDR, each value passed through `quote`. */
export function sgRulePeer(rule: MatchedSecurityGroupRule, names: ResourceNames, quote: (value: string) => string = (value) => value): string {
  return rule.ReferencedGroupId ? `group ${quote(names.byId.get(rule.ReferencedGroupId) ?? rule.ReferencedGroupId)}` : quote(rule.Cidr ?? '');
}

/** Where the route sends the traffic, by the lab's name; undefined for a local route. */
export function routeTargetName(route: AnalysisRouteTableRoute, names: ResourceNames): string | undefined {
  const target = route.GatewayId ?? route.NatGatewayId ?? route.NetworkInterfaceId ?? route.InstanceId ?? route.VpcPeeringConnectionId ?? route.TransitGatewayId;
  return target === undefined ? undefined : (names.byId.get(target) ?? target);
}
