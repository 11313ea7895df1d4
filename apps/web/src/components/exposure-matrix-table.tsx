import type { ExposureMatrixVisual } from '../api/types.ts';
import { cellText, EVERYTHING, tierMembers } from '../lib/exposure-matrix-text.ts';

function MatrixCell({ visual, source, destination }: { visual: ExposureMatrixVisual; source: number; destination: number }) {
  // The internet to the internet is not a path the comparison asks.
  if (source === 0 && destination === 0) return <td class="matrix-none"><span class="muted">not asked</span></td>;
  const text = cellText(visual, source, destination);
  const empty = text.same.length === 0 && text.different.length === 0;
  return (
    <td class={text.different.length > 0 ? 'matrix-cell matrix-different' : 'matrix-cell'}>
      {empty ? <span class="muted">blocked</span> : null}
      <ul class="matrix-entries">
        {text.different.map((d) => (
          <li key={d.service} class="matrix-entry-different">
            <span aria-hidden="true">≠ </span>
            <strong>different</strong> on <code>{d.service}</code>: yours {d.learner}, the solution's {d.reference}
          </li>
        ))}
        {text.same.map((s) => (
          <li key={s.reach}>
            {s.reach}: {s.services.map((service, i) => <span key={service}>{i === 0 ? '' : ', '}{service === EVERYTHING ? service : <code>{service}</code>}</span>)}
          </li>
        ))}
      </ul>
    </td>
  );
}

/**
 * Who reaches whom in the learner's network beside the solution's: the sources down the side, the
 * destinations across, each cell in words (allowed, partly, blocked, and "different" with both counts),
 * so nothing depends on colour. A scrolling region on a phone.
 */
export function ExposureMatrixTable({ visual }: { visual: ExposureMatrixVisual }) {
  const by = visual.grouping === 'security-group' ? 'the security groups they carry' : 'subnet';
  const tiers = visual.tiers.map((tier, i) => ({ tier, i }));
  return (
    <figure class="visual exposure-matrix" data-differences={visual.differences}>
      <figcaption>
        Who reaches whom, instances grouped by {by}{visual.outage === undefined ? '' : <> with <code>{visual.outage}</code> failed</>}:{' '}
        <strong class={visual.differences === 0 ? 'path-open' : 'path-blocked'}>
          {visual.differences === 0 ? 'the same as the solution' : `${visual.differences} ${visual.differences === 1 ? 'path differs' : 'paths differ'} from the solution`}
        </strong>
      </figcaption>
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Exposure matrix">
        <table>
          <caption class="visually-hidden">Sources in rows, destinations in columns; each cell lists the ports open from the source to the destination</caption>
          <thead>
            <tr>
              <td />
              {tiers.map(({ tier, i }) => (
                <th key={i} scope="col">
                  to {tier.name}
                  {tier.instances.length + tier.probes === 0 ? null : <span class="matrix-members">{tierMembers(tier)}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tiers.map(({ tier, i }) => (
              <tr key={i}>
                <th scope="row">
                  from {tier.name}
                  {tier.instances.length + tier.probes === 0 ? null : <span class="matrix-members">{tierMembers(tier)}</span>}
                </th>
                {tiers.map(({ i: j }) => <MatrixCell key={j} visual={visual} source={i} destination={j} />)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {visual.closedServices.length === 0 ? null : (
        <p class="muted small">
          Also asked, blocked everywhere in both: {visual.closedServices.map((service, i) => <span key={service}>{i === 0 ? '' : ', '}<code>{service}</code></span>)}
        </p>
      )}
    </figure>
  );
}
