import { exposureReport, type AccountState, type Exposure } from '@skylab/emulator';
import { decided, errored, LAB_PROBLEM, type CheckInput, type CheckRun } from './check-result.ts';
import { resolveName, resourceNames, type ResourceNames } from './resource-names.ts';
import { renderDeep } from './template.ts';

// An `exposure` check reads the exposure report (every way in from the internet, after security groups,
// ACLs, routes and public addresses) and asserts which instances and ports appear in it — the question of
// https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-best-practices.html.

function exposureText(exposure: Exposure, names: ResourceNames): string {
  const who = names.byId.get(exposure.NetworkInterfaceId) ?? exposure.InstanceId ?? exposure.NetworkInterfaceId;
  const ports = exposure.PortRange ? ` ${exposure.PortRange.From === exposure.PortRange.To ? exposure.PortRange.From : `${exposure.PortRange.From}-${exposure.PortRange.To}`}` : '';
  return `\`${who}\` accepts ${exposure.Protocol}${ports} from \`${exposure.SourceCidr}\` through \`${names.byId.get(exposure.SecurityGroupId) ?? exposure.SecurityGroupId}\``;
}

/** An `exposure` check: only the listed instances and tcp ports are reachable from the internet, and the given port on none. */
export function runExposureCheck(input: CheckInput, state: AccountState): CheckRun {
  const spec = renderDeep(input.check.exposure, input.params);
  if (spec === undefined) return errored(input, LAB_PROBLEM, 'the check has no `exposure` assertion');
  const names = resourceNames(state);
  const instanceIds = (list: string[]) => {
    const ids = new Set<string>();
    for (const name of list) {
      const found = resolveName(names, name, 'instance');
      if ('problem' in found) return found;
      ids.add(found.id);
    }
    return { ids };
  };
  const report = exposureReport(state);
  const offending: Exposure[] = [];
  if (spec.onlyExposed) {
    const allowed = instanceIds(spec.onlyExposed);
    if ('problem' in allowed) return errored(input, LAB_PROBLEM, allowed.problem);
    offending.push(...report.Exposures.filter((e) => e.InstanceId === undefined || !allowed.ids.has(e.InstanceId)));
  }
  if (spec.onlyPorts) {
    const ports = spec.onlyPorts;
    const outside = (e: Exposure) => e.Protocol !== 'tcp' || e.PortRange === undefined || e.PortRange.From !== e.PortRange.To || !ports.includes(e.PortRange.From);
    offending.push(...report.Exposures.filter((e) => !offending.includes(e) && outside(e)));
  }
  const closed = spec.notExposed;
  if (closed) {
    const only = closed.instances ? instanceIds(closed.instances) : undefined;
    if (only && 'problem' in only) return errored(input, LAB_PROBLEM, only.problem);
    offending.push(
      ...report.Exposures.filter(
        (e) =>
          !offending.includes(e) &&
          e.Protocol === closed.protocol &&
          (closed.port === undefined || (e.PortRange !== undefined && e.PortRange.From <= closed.port && closed.port <= e.PortRange.To)) &&
          (closed.scope === 'any' || e.Scope === 'world') &&
          (only === undefined || (e.InstanceId !== undefined && only.ids.has(e.InstanceId))),
      ),
    );
  }
  const all = report.Exposures.map((e) => exposureText(e, names));
  const explanation = offending.length > 0
    ? `exposed against the rule: ${offending.map((e) => exposureText(e, names)).join('; ')}`
    : all.length > 0 ? `the internet reaches only: ${all.join('; ')}` : 'nothing in the account is reachable from the internet';
  return decided(input, offending.length === 0, explanation);
}
