import type { GradebookView } from '@skylab/validation';
import { api } from '../api/client.ts';
import { formatMinutes, formatPercent } from '../lib/format.ts';
import { paths } from '../lib/routes.ts';
import { Link } from '../router.tsx';

/** Learners × assignments: best score (after the late policy), completion, lateness and time spent. */
export function GradebookTable({ courseId, gradebook }: { courseId: string; gradebook: GradebookView }) {
  return (
    <section class="stack" aria-labelledby="gradebook-heading">
      <h2 id="gradebook-heading">Gradebook</h2>
      <p>
        <a href={api.gradebookCsvUrl(courseId)} download>Download CSV</a>
      </p>
      <div class="table-scroll">
        <table aria-labelledby="gradebook-heading" data-testid="gradebook">
          <thead>
            <tr>
              <th scope="col">Learner</th>
              {gradebook.assignments.map((a) => (
                <th key={a.id} scope="col">{a.title}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {gradebook.rows.map((row) => (
              <tr key={row.learner.userId}>
                <th scope="row">
                  <Link href={paths.learnerHistory(courseId, row.learner.userId)}>{row.learner.name === '' ? row.learner.email : row.learner.name}</Link>
                </th>
                {row.cells.map((cell) => (
                  <td key={cell.assignmentId} data-testid="gradebook-cell">
                    {cell.bestScore === null ? '—' : formatPercent(cell.bestScore)}
                    {cell.completed ? ' · completed' : ''}
                    {cell.late ? ' · late' : ''}
                    {cell.attempts > 0 ? <span class="muted"> · {formatMinutes(Math.round(cell.timeSpentMs / 60_000))}</span> : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
