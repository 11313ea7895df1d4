import { AwsError, analyzeReachability, type AccountState, type PathComponent, type ReachabilityAnalysis } from '@skylab/emulator';
import { decided, errored, LAB_PROBLEM, type CheckInput, type CheckRun } from './check-result.ts';
import { resolveName, resourceNames, withNames, type ResourceNames } from './resource-names.ts';
import { routeTargetName, sgRulePeer, sgRuleTraffic } from './path-component-text.ts';
import { renderDeep } from './template.ts';
import { networkPathVisual } from './visuals/network-path.ts';

// A `reachability` check asks the network path analyzer the question Reachability Analyzer answers
// (https://docs.aws.amazon.com/vpc/latest/reachability/what-is-reachability-analyzer.html) and explains the
// answer in the lab's names: the hops of the path, or every component that blocks it and why.

function hopText(component: PathComponent, names: ResourceNames): string {
  const id = component.Component.Id;
  const name = `\`${names.byId.get(id) ?? id}\``;
  const rule = component.SecurityGroupRule;
  if (rule) return `${name} (${rule.Direction} rule ${sgRuleTraffic(rule)} ${rule.Direction === 'ingress' ? 'from' : 'to'} ${sgRulePeer(rule, names, (value) => `\`${value}\``)})`;
  if (component.AclRule) return `${name} (${component.AclRule.RuleAction} rule ${component.AclRule.RuleNumber})`;
  const route = component.RouteTableRoute;
  if (route) return `${name} (route \`${route.DestinationCidr}\` → \`${routeTargetName(route, names) ?? ''}\`)`;
  return name;
}

/** The analysis in plain words, with the lab's names instead of ids. */
export function describeAnalysis(analysis: ReachabilityAnalysis, names: ResourceNames, fromInternet = false): string {
  const path = [...(fromInternet ? ['`internet`'] : []), ...analysis.ForwardPathComponents.map((c) => hopText(c, names))].join(' → ');
  if (analysis.NetworkPathFound) {
    return `the path exists: ${path}. Replies need no rule of their own: security groups are stateful`;
  }
  const reasons = analysis.Explanations.map((e) => `${e.ExplanationCode}: ${withNames(e.Reason, names)}`);
  return `no path: ${reasons.join('; ')}${path ? ` (the forward path got as far as ${path})` : ''}`;
}

/** A `reachability` check: can the source open a connection to the destination, as expected? */
export function runReachabilityCheck(input: CheckInput, state: AccountState): CheckRun {
  const query = renderDeep(input.check.reachability, input.params);
  if (query === undefined) return errored(input, LAB_PROBLEM, 'the check has no `reachability` question');
  const names = resourceNames(state);
  const endpoint = (name: string) => (name === 'internet' ? { id: 'internet' } : resolveName(names, name, 'instance'));
  const source = endpoint(query.source);
  const destination = endpoint(query.destination);
  if ('problem' in source) return errored(input, LAB_PROBLEM, source.problem);
  if ('problem' in destination) return errored(input, LAB_PROBLEM, destination.problem);
  let analysis: ReachabilityAnalysis;
  try {
    analysis = analyzeReachability(state, {
      Source: source.id,
      Destination: destination.id,
      Protocol: query.protocol,
      ...(query.port !== undefined ? { DestinationPort: query.port } : {}),
      ...(query.sourceIp !== undefined ? { SourceIp: query.sourceIp } : {}),
      ...(query.destinationIp !== undefined ? { DestinationIp: query.destinationIp } : {}),
    });
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    return errored(input, LAB_PROBLEM, withNames(error.message, names));
  }
  const explanation = describeAnalysis(analysis, names, source.id === 'internet');
  if (analysis.Unsupported.length > 0) {
    return errored(input, 'this check could not be decided: the path uses something the network analyzer does not model', explanation, analysis.Unsupported.map((u) => withNames(u, names)));
  }
  return decided(input, analysis.NetworkPathFound === (query.expect === 'reachable'), explanation, [], networkPathVisual(analysis, names, query));
}
