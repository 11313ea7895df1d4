/**
 * The slice of workerd's `cloudflare:workers` module these tests use. The full `@cloudflare/workers-types`
 * redeclare the DOM globals that apps/api compiles against, so they cannot share one tsconfig.
 */
declare module 'cloudflare:workers' {
  export const exports: {
    default: { fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> };
  };
}
