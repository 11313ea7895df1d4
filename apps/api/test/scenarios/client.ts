/**
 * A browser stand-in for the API scenarios, over any fetch-like function: `app.request` in Node,
 * `SELF.fetch` inside workerd. No Node built-ins here, so the same file runs in both.
 */
export type Fetch = (url: string, init?: RequestInit) => Response | Promise<Response>;

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, the text of any other body (CSV), or `null` for an empty body. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- scenarios read whatever JSON the API returns, checked by expect
  body: any;
}

export interface RequestOptions {
  /** Serialised as JSON unless it is already a string (to send malformed JSON). */
  body?: unknown;
  headers?: Record<string, string>;
  /** `null` leaves the Origin header out; a string overrides the agent's own origin. */
  origin?: string | null;
}

export interface Agent {
  request(method: string, path: string, options?: RequestOptions): Promise<ApiResponse>;
  get(path: string): Promise<ApiResponse>;
  post(path: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse>;
  /** The session cookie this agent holds, if any. */
  readonly sessionCookie: string | undefined;
  /** The client address it claims (`cf-connecting-ip`), unique per agent so throttling never crosses scenarios. */
  readonly ip: string;
}

const COOKIE = '__Host-skylab_session';
let agents = 0;

/** One browser: its own cookie jar and client address. */
export function createAgent(fetch: Fetch, origin: string): Agent {
  let cookie: string | undefined;
  // a /64 of its own: throttling keys IPv6 clients by their /64
  const ip = `2001:db8:${(++agents).toString(16)}:${Math.floor(Math.random() * 0xffff).toString(16)}::1`;
  const agent: Agent = {
    get sessionCookie() {
      return cookie;
    },
    ip,
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { 'cf-connecting-ip': ip, ...options.headers };
      if (options.origin !== null && method !== 'GET') headers.origin = options.origin ?? origin;
      if (cookie) headers.cookie = `${COOKIE}=${cookie}`;
      let body: string | undefined;
      if (options.body !== undefined) {
        body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await fetch(`${origin}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
      for (const line of res.headers.getSetCookie()) {
        const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
        const [name, value = ''] = pair.split('=');
        if (name !== COOKIE) continue;
        const removed = value === '' || attributes.some((a) => /^max-age=0$/i.test(a));
        cookie = removed ? undefined : value;
      }
      const text = await res.text();
      const json = res.headers.get('content-type')?.includes('json') ?? false;
      return { status: res.status, headers: res.headers, body: text ? (json ? JSON.parse(text) : text) : null };
    },
    get: (path) => agent.request('GET', path),
    post: (path, body, options) => agent.request('POST', path, { ...options, body: body ?? options?.body }),
  };
  return agent;
}
