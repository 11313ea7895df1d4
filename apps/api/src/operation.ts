import type { ApiTokenScope } from '@skylab/validation';
import type { z } from 'zod';

/** Who may call an operation: anyone, a browser session, or a session or a bearer token carrying the scope. */
export type Access = 'public' | 'session' | ApiTokenScope;

/** One `/api` operation of the OpenAPI document (`openapi.ts`), with the zod schemas of what it takes and answers. */
export interface Operation {
  tag: string;
  summary: string;
  access: Access;
  /** The schema the route validates its JSON body with. */
  body?: z.ZodType;
  /** The body may be left out (`POST /api/labs/:id/attempts`). */
  optionalBody?: boolean;
  /** The schema of its JSON success answer, the one the route builds its answer through (`@skylab/validation`). */
  response?: z.ZodType;
  /** The success status, 200 unless said. */
  status?: 200 | 201 | 204;
  /** A success body other than JSON. */
  produces?: string;
  /** It answers a redirect with this status, instead of (no `response`, `produces` or 204) or besides its body. */
  redirect?: 302 | 303;
}
