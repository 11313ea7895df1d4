import type { ExamResult } from '../api/exam-types.ts';

/** The per-domain score report, as the AWS exams show it: a bar per domain and `meets` or `needs improvement`. */
export function DomainBars({ domains }: { domains: ExamResult['domains'] }) {
  return (
    <ul class="domain-bars" aria-label="Score by domain">
      {domains.map((domain) => (
        <li key={domain.id} class="domain-bar" data-domain-id={domain.id}>
          <span class="domain-bar-title">{domain.title}</span>
          <span class="domain-bar-track" aria-hidden="true">
            <span class={`domain-bar-fill${domain.band === 'meets' ? ' is-meets' : ''}`} style={{ width: `${Math.min(100, Math.max(0, domain.percent))}%` }} />
          </span>
          <span class="domain-bar-band" data-testid="domain-band">
            {domain.band === 'meets' ? 'Meets' : 'Needs improvement'}
            <span class="muted small">
              {' '}
              · {domain.points} / {domain.maxPoints} points ({Math.floor(domain.percent)}%)
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
