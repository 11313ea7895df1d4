import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { AwsCredentials, LabView } from '../api/types.ts';
import { absoluteEndpoint, exampleCommand, labUserName, MASK, serviceList, shellSnippet } from '../lib/aws-cli.ts';
import { useResource } from '../use-resource.ts';
import { CopyButton } from './copy-button.tsx';
import { ErrorMessage } from './error-message.tsx';

interface FieldProps {
  label: string;
  value: string;
  shown?: string;
  onCopied: (message: string) => void;
  testId: string;
}

function CredentialField({ label, value, shown = value, onCopied, testId }: FieldProps) {
  return (
    <div class="aws-field">
      <dt>{label}</dt>
      <dd>
        <code data-testid={testId}>{shown}</code>
        <CopyButton text={value} what={label} onResult={onCopied} />
      </dd>
    </div>
  );
}

interface ViewProps {
  credentials: AwsCredentials;
  userName: string | undefined;
  onCopied: (message: string) => void;
}

function CredentialsView({ credentials, userName, onCopied }: ViewProps) {
  const [secretShown, setSecretShown] = useState(false);
  const endpoint = absoluteEndpoint(credentials.endpoint, window.location.origin);
  const command = exampleCommand(userName);
  return (
    <div class="stack">
      <dl class="aws-fields">
        <CredentialField label="Access key ID" value={credentials.accessKeyId} onCopied={onCopied} testId="aws-access-key-id" />
        <div class="aws-field">
          <dt>Secret access key</dt>
          <dd>
            <code data-testid="aws-secret-access-key">{secretShown ? credentials.secretAccessKey : <><span aria-hidden="true">{MASK}</span><span class="visually-hidden">hidden</span></>}</code>
            <button type="button" class="button button-small button-outline" onClick={() => setSecretShown((shown) => !shown)}>
              {secretShown ? 'Hide secret' : 'Show secret'}
            </button>
            <CopyButton text={credentials.secretAccessKey} what="Secret access key" onResult={onCopied} />
          </dd>
        </div>
        <CredentialField label="Region" value={credentials.region} onCopied={onCopied} testId="aws-region" />
        <CredentialField label="Endpoint URL" value={endpoint} onCopied={onCopied} testId="aws-endpoint" />
        <CredentialField label="Account ID" value={credentials.accountId} onCopied={onCopied} testId="aws-account-id" />
      </dl>
      <div class="stack-tight">
        <div class="aws-snippet-head">
          <h3 id="aws-snippet-heading">In a terminal</h3>
          <CopyButton text={shellSnippet(credentials, endpoint, command)} what="Shell commands" onResult={onCopied} />
        </div>
        <pre class="code-block" tabIndex={0} role="group" aria-labelledby="aws-snippet-heading"><code>{shellSnippet(credentials, endpoint, command, { maskSecret: !secretShown })}</code></pre>
        <p class="muted small">
          {userName === undefined ? (
            <>The last line asks STS who these credentials are: the root user of this attempt’s account.</>
          ) : (
            <>The last line reads the IAM user <code>{userName}</code> of this lab.</>
          )}{' '}
          Needs the AWS CLI v2.13 or later, which reads <code>AWS_ENDPOINT_URL</code>; the AWS SDKs read the same variables.
        </p>
      </div>
    </div>
  );
}

/** Mounted only while the section is open, so the credentials are fetched on demand and the secret hides again on close. */
function CredentialsLoader({ attemptId, userName, onCopied }: { attemptId: string } & Omit<ViewProps, 'credentials'>) {
  const resource = useResource(`aws-credentials:${attemptId}`, () => api.awsCredentials(attemptId));
  if (resource.state === 'loading') return <p role="status" class="muted">Loading the credentials…</p>;
  if (resource.state === 'error') {
    return (
      <div class="stack-tight">
        <ErrorMessage error={resource.error} title="Could not load the credentials" />
        <button type="button" class="button button-small" onClick={resource.reload}>Try again</button>
      </div>
    );
  }
  return <CredentialsView credentials={resource.data} userName={userName} onCopied={onCopied} />;
}

/**
 * The attempt's emulated AWS account, for the learner's own AWS CLI or SDK code. Offered only on labs whose
 * every service the endpoint answers: elsewhere some call the lab needs would fail.
 */
export function AwsAccessPanel({ attemptId, lab }: { attemptId: string; lab: LabView }) {
  const [open, setOpen] = useState(false);
  const userName = labUserName([lab.description, ...lab.tasks.map((task) => task.prompt)].join('\n'));
  const [announcement, setAnnouncement] = useState('');
  if (lab.awsEndpointServices.length === 0) return null;
  return (
    <details class="brief aws-access" onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
      <summary>Use the AWS CLI or SDK</summary>
      <div class="stack">
        <p>
          These are the root credentials of this attempt’s own emulated AWS account. Nothing you run with them touches real AWS: the
          endpoint below is Skylab’s emulator, and whatever you change stays in this attempt’s account.
        </p>
        <p>
          For this lab it answers <strong>{serviceList(lab.awsEndpointServices)}</strong>. Other services answer <code>NotImplemented</code>.
        </p>
        {open ? <CredentialsLoader attemptId={attemptId} userName={userName} onCopied={setAnnouncement} /> : null}
        <p role="status" class="visually-hidden" data-testid="aws-copy-status">{announcement}</p>
      </div>
    </details>
  );
}
