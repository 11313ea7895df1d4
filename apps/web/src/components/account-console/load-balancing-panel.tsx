import type { LoadBalancerView, TargetGroupView } from '../../api/types.ts';
import { ConsoleTable, Empty } from './parts.tsx';

/** Load balancers with each listener's rules in evaluation order, and target groups with their targets' health. */
export function LoadBalancingPanel({ loadBalancers, targetGroups }: { loadBalancers: LoadBalancerView[]; targetGroups: TargetGroupView[] }) {
  return (
    <div class="stack">
      <section class="stack-tight" aria-labelledby="lb-heading">
        <h3 id="lb-heading">Load balancers</h3>
        {loadBalancers.length === 0 ? <Empty>No load balancers.</Empty> : null}
        {loadBalancers.map((lb) => (
          <article key={lb.LoadBalancerArn} class="console-item stack-tight">
            <h4>{lb.LoadBalancerName} <span class="badge">{lb.State}</span></h4>
            <p class="small">
              {lb.Scheme} · <code>{lb.DNSName}</code>
            </p>
            <p class="small">Zones: {lb.AvailabilityZones.join(', ')} · Security groups: {lb.SecurityGroups.join(', ') || 'none'}</p>
            {lb.Listeners.length === 0 ? <Empty>No listeners.</Empty> : null}
            {lb.Listeners.map((listener) => (
              <ConsoleTable
                key={listener.Port}
                label={`Rules of the ${listener.Protocol} ${listener.Port} listener of ${lb.LoadBalancerName}`}
                head={['Priority', 'Conditions', 'Actions']}
                rows={listener.Rules.map((rule) => [rule.Priority, rule.Conditions.join(' and ') || '(any request)', rule.Actions.join(', then ')])}
              />
            ))}
          </article>
        ))}
      </section>
      <section class="stack-tight" aria-labelledby="tg-heading">
        <h3 id="tg-heading">Target groups</h3>
        {targetGroups.length === 0 ? <Empty>No target groups.</Empty> : null}
        {targetGroups.map((group) => (
          <article key={group.TargetGroupArn} class="console-item stack-tight">
            <h4>{group.TargetGroupName} <span class="muted small">{group.Protocol} {group.Port}</span></h4>
            <p class="small">Health check: {group.HealthCheck}</p>
            {group.Targets.length === 0 ? (
              <Empty>No registered targets.</Empty>
            ) : (
              <ConsoleTable
                label={`Targets of ${group.TargetGroupName}`}
                head={['Target', 'Port', 'Health', 'Reason']}
                rows={group.Targets.map((t) => [t.Id, t.Port ?? '', t.State, [t.Reason, t.Description].filter(Boolean).join(': ')])}
              />
            )}
          </article>
        ))}
      </section>
    </div>
  );
}
