import type { AlbRuleWalkVisual, CheckVisual, IamDecisionVisual, NetworkHop, NetworkPathVisual } from '../api/types.ts';
import { AsgTimelineChart } from './asg-timeline-chart.tsx';
import { ExposureMatrixTable } from './exposure-matrix-table.tsx';
import { InlineMarkdown } from './markdown-view.tsx';

const ROW_OUTCOME: Record<AlbRuleWalkVisual['rows'][number]['outcome'], { icon: string; label: string }> = {
  matched: { icon: '✓', label: 'matched' },
  'not-matched': { icon: '✗', label: 'no match' },
  'not-evaluated': { icon: '–', label: 'not evaluated' },
  unsupported: { icon: '!', label: 'not modelled' },
};

/** The listener's rule walk as a table: each rule in priority order, its conditions, and what it does. */
function RuleWalkTable({ visual }: { visual: AlbRuleWalkVisual }) {
  return (
    <figure class="visual rule-walk">
      <figcaption>
        <InlineMarkdown text={visual.request} /> → <strong><InlineMarkdown text={visual.outcome} /></strong>
      </figcaption>
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Rule walk">
        <table>
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Conditions</th>
              <th scope="col">Result</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {visual.rows.map((row) => (
              <tr key={row.rule} class={`rule-row rule-${row.outcome}`} data-rule={row.rule}>
                <th scope="row">{row.rule}</th>
                <td>
                  {row.conditions.length === 0 ? (
                    <span class="muted">{row.outcome === 'not-evaluated' ? '' : 'none: matches every request'}</span>
                  ) : (
                    <ul class="condition-list">
                      {row.conditions.map((c, i) => (
                        <li key={i} class={`condition-${c.outcome}`}>
                          <span aria-hidden="true">{c.outcome === 'match' ? '✓ ' : c.outcome === 'no-match' ? '✗ ' : '! '}</span>
                          <code>{c.field}</code>: <InlineMarkdown text={c.reason} />
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  <span aria-hidden="true">{ROW_OUTCOME[row.outcome].icon} </span>
                  {ROW_OUTCOME[row.outcome].label}
                </td>
                <td><InlineMarkdown text={row.action} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

const HOP_LABEL: Record<NetworkHop['type'], string> = {
  internet: 'Internet',
  instance: 'Instance',
  'network-interface': 'Network interface',
  'security-group': 'Security group',
  'network-acl': 'Network ACL',
  subnet: 'Subnet',
  'route-table': 'Route table',
  'internet-gateway': 'Internet gateway',
  'nat-gateway': 'NAT gateway',
  vpc: 'VPC',
  'load-balancer': 'Load balancer',
  other: 'Component',
};

/**
 * The path as Reachability Analyzer draws it: hops left to right (wrapping on a phone), the hop that
 * blocks marked with its explanation code. An ordered list, so a screen reader reads the same path.
 */
function NetworkPathDiagram({ visual }: { visual: NetworkPathVisual }) {
  const port = visual.port === undefined ? '' : ` ${visual.port}`;
  const blocked = new Map(visual.blocks.filter((b) => b.path === 'forward').map((b) => [b.name, b]));
  const lastHop = visual.hops.at(-1)?.name;
  // A block on a component the forward path never reached (the destination refusing) is drawn after the last hop.
  const beyond = visual.blocks.filter((b) => b.path === 'return' || (b.name !== lastHop && !visual.hops.some((h) => h.name === b.name)));
  return (
    <figure class="visual network-path">
      <figcaption>
        <code>{visual.source}</code> → <code>{visual.destination}</code> over {visual.protocol}{port}:{' '}
        <strong class={visual.reachable ? 'path-open' : 'path-blocked'}>{visual.reachable ? 'reachable' : 'blocked'}</strong>
      </figcaption>
      <ol class="path-hops">
        {visual.hops.map((hop, i) => {
          const block = blocked.get(hop.name);
          return (
            <li key={i} class={`path-hop hop-${hop.type}${block ? ' hop-blocked' : ''}`}>
              <span class="hop-type">{HOP_LABEL[hop.type]}</span>
              <span class="hop-name">{hop.name}</span>
              {hop.detail === undefined ? null : <span class="hop-detail">{hop.detail}</span>}
              {block === undefined ? null : (
                <span class="hop-block">
                  <span aria-hidden="true">✗ </span>
                  <code>{block.code}</code> <InlineMarkdown text={block.reason} />
                </span>
              )}
            </li>
          );
        })}
        {beyond.map((block, i) => (
          <li key={`b${i}`} class="path-hop hop-blocked">
            <span class="hop-type">{HOP_LABEL[block.type]}{block.path === 'return' ? ' (reply)' : ''}</span>
            <span class="hop-name">{block.name}</span>
            <span class="hop-block">
              <span aria-hidden="true">✗ </span>
              <code>{block.code}</code> <InlineMarkdown text={block.reason} />
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}

const LAYER_TITLE: Record<IamDecisionVisual['layers'][number]['policyType'], string> = {
  scp: 'Service control policies',
  rcp: 'Resource control policies',
  resource: 'Resource-based policy',
  boundary: 'Permissions boundary',
  session: 'Session policy',
  identity: 'Identity-based policies',
};

const LAYER_VERDICT: Record<IamDecisionVisual['layers'][number]['decision'], { icon: string; label: string }> = {
  Allow: { icon: '✓', label: 'allows' },
  ExplicitDeny: { icon: '✗', label: 'denies explicitly' },
  ImplicitDeny: { icon: '✗', label: 'does not allow' },
  NotApplicable: { icon: '–', label: 'not involved' },
};

/**
 * An IAM decision: the policy types in AWS's evaluation order as a short trace, then each statement of the
 * learner's own answer that took part, its lines shown as they wrote them, marked matched or not and why.
 */
function IamDecision({ visual }: { visual: IamDecisionVisual }) {
  return (
    <figure class="visual iam-decision">
      <figcaption>
        <code>{visual.action}</code> on <code>{visual.resource}</code>:{' '}
        <strong class={visual.decision === 'Allowed' ? 'path-open' : 'path-blocked'}>{visual.decision === 'Allowed' ? 'allowed' : visual.decision === 'ExplicitDeny' ? 'explicitly denied' : 'implicitly denied'}</strong>
      </figcaption>
      <ol class="path-hops iam-layers" aria-label="Policy evaluation">
        {visual.layers.map((layer) => (
          <li key={layer.policyType} class={`path-hop layer-${layer.decision}`}>
            <span class="hop-type">{LAYER_TITLE[layer.policyType]}</span>
            <span><span aria-hidden="true">{LAYER_VERDICT[layer.decision].icon} </span>{LAYER_VERDICT[layer.decision].label}</span>
          </li>
        ))}
      </ol>
      {visual.statements.map((statement) => (
        <div key={`${statement.task}:${statement.statementIndex}`} class={`iam-statement statement-${statement.outcome}`} data-statement={statement.statementIndex}>
          <p class="small">
            Your statement {statement.statementIndex + 1}{statement.sid === undefined ? '' : ` (${statement.sid})`},{' '}
            {statement.lines.to === statement.lines.from ? `line ${statement.lines.from}` : `lines ${statement.lines.from}–${statement.lines.to}`}:{' '}
            <strong>{statement.outcome === 'matched' ? `${statement.effect === 'Allow' ? 'allows' : 'denies'} this request` : 'does not apply'}</strong>
            {statement.reason === undefined ? null : <> — <InlineMarkdown text={statement.reason} /></>}
          </p>
          <pre class="code-block statement-lines" tabIndex={0} aria-label={`Lines ${statement.lines.from} to ${statement.lines.to} of your answer`}>
            <code>
              {statement.lines.text.map((line, i) => (
                <span key={i} class="statement-line"><span class="statement-line-number" aria-hidden="true">{statement.lines.from + i}</span>{line}</span>
              ))}
            </code>
          </pre>
        </div>
      ))}
    </figure>
  );
}

/** A check's decision drawn: the rule walk, the network path (or the exposure matrix and its examples), the IAM decision or the Auto Scaling run. */
export function CheckVisualView({ visual }: { visual: CheckVisual }) {
  switch (visual.kind) {
    case 'alb-rule-walk':
      return <RuleWalkTable visual={visual} />;
    case 'network-path':
      return <NetworkPathDiagram visual={visual} />;
    case 'iam-decision':
      return <IamDecision visual={visual} />;
    case 'asg-timeline':
      return <AsgTimelineChart visual={visual} />;
    case 'exposure-matrix':
      return (
        <>
          <ExposureMatrixTable visual={visual} />
          {visual.examples.length === 0 ? null : <p class="small">Paths that differ, as your network takes them:</p>}
          {visual.examples.map((example, i) => <NetworkPathDiagram key={i} visual={example} />)}
        </>
      );
  }
}
