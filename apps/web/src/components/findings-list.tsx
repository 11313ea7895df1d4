import type { Finding } from '../api/types.ts';
import { findingLocation, formatPath } from '../lib/format.ts';
import { InlineMarkdown } from './markdown-view.tsx';

const SEVERITY_LABEL: Record<Finding['severity'], string> = {
  error: 'Error',
  'security-warning': 'Security warning',
  warning: 'Warning',
  suggestion: 'Suggestion',
};

// Shapes as well as colours tell severities apart; the label next to the icon is what assistive technology reads.
const SEVERITY_ICON: Record<Finding['severity'], string> = {
  error: '\u2716',
  'security-warning': '\u26A0',
  warning: '\u25B2',
  suggestion: '\u2139',
};

/** Findings with their line:column; activating a location selects that line in the task's editor. */
export function FindingsList({ findings, onReveal }: { findings: Finding[]; onReveal?: (line: number) => void }) {
  return (
    <ul class="findings">
      {findings.map((finding, index) => {
        const location = findingLocation(finding);
        const path = formatPath(finding.path);
        return (
          <li key={index} class={`finding finding-${finding.severity}`} data-rule={finding.ruleId}>
            <span class="finding-severity">
              <span class="finding-icon" aria-hidden="true">{SEVERITY_ICON[finding.severity]}</span> {SEVERITY_LABEL[finding.severity]}
            </span>
            {location === null ? null : onReveal === undefined || finding.range === undefined ? (
              <span class="finding-location">{location}</span>
            ) : (
              <button
                type="button"
                class="finding-location link-button"
                onClick={() => onReveal(finding.range!.start.line)}
                aria-label={`${location}: show line ${finding.range.start.line}, column ${finding.range.start.column} in the editor`}
              >
                {location}
              </button>
            )}
            <span class="finding-message"><InlineMarkdown text={finding.message} /></span>
            {path === '' ? null : <code class="finding-path">{path}</code>}
            {finding.help === undefined ? null : <p class="finding-help"><InlineMarkdown text={finding.help} /></p>}
            {finding.learnMore === undefined ? null : (
              <p class="finding-help">
                <a href={finding.learnMore} target="_blank" rel="noopener noreferrer">Learn more<span class="visually-hidden"> (opens in a new tab)</span></a>
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
