import type { Explanation, PathComponent, ReachabilityAnalysis } from '@skylab/emulator';
import { routeTargetName, sgRulePeer, sgRuleTraffic } from '../path-component-text.ts';
import { withNames, type ResourceNames } from '../resource-names.ts';
import type { NetworkHop, NetworkPathVisual } from './types.ts';

// EC2 ids carry their resource type in the prefix (`sg-`, `acl-` …), which is all the diagram needs to pick a shape.
const PREFIXES: [string, NetworkHop['type']][] = [
  ['i-', 'instance'],
  ['eni-', 'network-interface'],
  ['sg-', 'security-group'],
  ['acl-', 'network-acl'],
  ['subnet-', 'subnet'],
  ['rtb-', 'route-table'],
  ['igw-', 'internet-gateway'],
  ['nat-', 'nat-gateway'],
  ['vpc-', 'vpc'],
  ['arn:aws:elasticloadbalancing:', 'load-balancer'],
];

function typeOf(id: string): NetworkHop['type'] {
  if (id === 'internet') return 'internet';
  return PREFIXES.find(([prefix]) => id.startsWith(prefix))?.[1] ?? 'other';
}

function detailOf(component: PathComponent, names: ResourceNames): string | undefined {
  const sg = component.SecurityGroupRule;
  if (sg) return `${sg.Direction} ${sgRuleTraffic(sg)} ${sg.Direction === 'ingress' ? 'from' : 'to'} ${sgRulePeer(sg, names)}`;
  if (component.AclRule) return `rule ${component.AclRule.RuleNumber} ${component.AclRule.RuleAction} ${component.AclRule.Cidr}`;
  if (component.RouteTableRoute) return `route ${component.RouteTableRoute.DestinationCidr} → ${routeTargetName(component.RouteTableRoute, names) ?? 'local'}`;
  return component.Note;
}

function blockOf(explanation: Explanation, names: ResourceNames) {
  const id = explanation.Component.Id;
  return {
    name: names.byId.get(id) ?? id,
    type: typeOf(id),
    code: explanation.ExplanationCode,
    reason: withNames(explanation.Reason, names),
    ...(explanation.Direction ? { direction: explanation.Direction } : {}),
    path: explanation.Path,
  };
}

/** The analysis as a diagram's data: the forward path's hops in order and each component that blocked it. */
export function networkPathVisual(
  analysis: ReachabilityAnalysis,
  names: ResourceNames,
  query: { source: string; destination: string; protocol: string; port?: number },
): NetworkPathVisual {
  const hops: NetworkHop[] = analysis.ForwardPathComponents.map((component) => {
    const id = component.Component.Id;
    const detail = detailOf(component, names);
    return { name: names.byId.get(id) ?? id, type: typeOf(id), ...(detail === undefined ? {} : { detail }) };
  });
  return {
    kind: 'network-path',
    source: query.source,
    destination: query.destination,
    protocol: query.protocol,
    ...(query.port === undefined ? {} : { port: query.port }),
    reachable: analysis.NetworkPathFound,
    hops: query.source === 'internet' ? [{ name: 'internet', type: 'internet' }, ...hops] : hops,
    blocks: analysis.Explanations.map((e) => blockOf(e, names)),
  };
}
