import { isApiError } from '../api/client.ts';
import { paths } from '../lib/routes.ts';
import { Link } from '../router.tsx';
import { InlineMarkdown } from './markdown-view.tsx';

function describe(error: unknown): string {
  if (isApiError(error, 'too_many_attempts') && error.retryAfterSeconds !== undefined) {
    return `${error.message} — try again in ${Math.ceil(error.retryAfterSeconds)} s`;
  }
  if (isApiError(error)) return error.message;
  return 'something went wrong; reload the page and try again';
}

/** An error from the API as a sentence, with a way forward when the session has expired. */
export function ErrorMessage({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <div class="notice notice-error" role="alert">
      <p class="notice-title">{title}</p>
      <p><InlineMarkdown text={describe(error)} /></p>
      {isApiError(error, 'unauthenticated') ? (
        <p>
          <Link href={paths.signIn(window.location.pathname)}>Sign in again</Link>
        </p>
      ) : null}
      {requestId === undefined ? null : <p class="muted">Request id: <code>{requestId}</code></p>}
    </div>
  );
}
