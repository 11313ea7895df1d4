import type { ErrorBody, Finding } from '@skylab/validation';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every error body: `{ error: { code, message, findings?, requestId? } }` (docs/api.md; `errorResponse` of `@skylab/validation`). */
export type { ErrorBody };

/** An error the client caused or may act on; anything else becomes a logged 500. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly findings?: Finding[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  body(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.findings ? { findings: this.findings } : {}) } };
  }
}

export const notFound = (message: string) => new ApiError(404, 'not_found', message);
export const unauthenticated = () => new ApiError(401, 'unauthenticated', 'sign in first');
