import type { LabPreviewView as LabPreview } from '@skylab/validation';
import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import { ErrorMessage } from '../components/error-message.tsx';
import { FindingsList } from '../components/findings-list.tsx';
import { MarkdownView } from '../components/markdown-view.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { PublishLabForm } from '../components/publish-lab-form.tsx';

function SelfTestSummary({ report }: { report: NonNullable<LabPreview['selfTest']> }) {
  const failed = report.runs.filter((run) => !run.ok);
  const survived = report.mutants.filter((mutant) => mutant.status === 'survived');
  return (
    <section class="stack" aria-labelledby="self-test-heading">
      <h2 id="self-test-heading">Self-test: {report.ok ? 'passed' : 'failed'}</h2>
      <p>
        {report.runs.length} runs (solution and wrong answers), {report.mutants.length} mutants, {survived.length} survived.
      </p>
      <ul>
        {failed.flatMap((run) => run.problems.map((problem) => <li key={`${run.subject}/${run.seed}/${problem}`}>{run.subject} ({run.seed}): {problem}</li>))}
        {survived.map((mutant) => <li key={`${mutant.task}/${mutant.description}`}>mutant of {mutant.task} survived: {mutant.description}</li>)}
      </ul>
    </section>
  );
}

/**
 * An instructor pastes or uploads a lab YAML and sees its findings, the learner's view and its self-test;
 * nothing is stored until they publish a lab that passes to one of their courses.
 */
export function LabPreviewPage() {
  const [text, setText] = useState('');
  const [seed, setSeed] = useState('preview');
  const [preview, setPreview] = useState<LabPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setPreview(await api.previewLab({ text, seed }));
    } catch (caught) {
      setError(caught);
    }
    setBusy(false);
  };
  const upload = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (file) setText(await file.text());
  };
  return (
    <section class="stack">
      <PageTitle title="Lab preview" />
      <form class="stack" onSubmit={run} aria-label="Lab preview">
        <div class="field">
          <label for="preview-file">Upload a lab.yaml</label>
          <input id="preview-file" type="file" accept=".yaml,.yml,text/yaml" onChange={upload} />
        </div>
        <div class="field">
          <label for="preview-text">Lab YAML</label>
          <textarea id="preview-text" class="editor" rows={20} spellcheck={false} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="preview-seed">Seed</label>
          <input id="preview-seed" value={seed} onInput={(e) => setSeed(e.currentTarget.value)} maxLength={100} />
        </div>
        <button type="submit" class="button" disabled={busy}>{busy ? 'Checking…' : 'Preview'}</button>
      </form>
      {error === null ? null : <ErrorMessage error={error} title="Could not preview the lab" />}
      {preview === null ? null : (
        <div class="stack" data-testid="lab-preview">
          <p role="status">{preview.ok ? 'The lab loads and passes its self-test.' : 'The lab has problems.'}</p>
          {preview.findings.length === 0 ? null : <FindingsList findings={preview.findings} />}
          {preview.lab === null ? null : (
            <article class="stack" aria-label="As a learner sees it">
              <h2>{preview.lab.title}</h2>
              <MarkdownView source={preview.lab.description} headingOffset={2} />
              {preview.lab.tasks.map((task) => (
                <section key={task.id}>
                  <h3>{task.title}</h3>
                  <MarkdownView source={task.prompt} headingOffset={3} />
                </section>
              ))}
            </article>
          )}
          {preview.selfTest === null ? null : <SelfTestSummary report={preview.selfTest} />}
          {preview.ok ? <PublishLabForm text={text} /> : null}
        </div>
      )}
    </section>
  );
}
