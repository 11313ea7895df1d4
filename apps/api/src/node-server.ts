import { serve, type Http2Bindings, type HttpBindings, type ServerType } from '@hono/node-server';
import { isLoopback } from './start-warnings.ts';

/** What @hono/node-server hands the fetch handler besides the request: Node's own request and response. */
export type NodeBindings = HttpBindings | Http2Bindings;

export type NodeFetch = (request: Request, bindings: NodeBindings) => Response | Promise<Response>;

export interface ListenOptions {
  port: number;
  hostname: string;
}

/** The address a browser on this machine opens: `localhost` for loopback and every-interface listens. */
export function browserUrl(hostname: string, port: number): string {
  if (isLoopback(hostname) || hostname === '0.0.0.0' || hostname === '::') return `http://localhost:${port}`;
  return `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`;
}

/**
 * An answer given before the request body has fully arrived (a 413 from a body limit, a refusal that
 * never reads the body) leaves the rest of the body on the connection. Node would drain it for a
 * moment and then reset the connection, and a keep-alive client's next request on it fails with a
 * socket error. We do not read an oversized upload to the end (a client could send gigabytes): the
 * answer says `Connection: close`, so the client opens a new connection, and Node closes this one
 * once the answer is written. The client has the answer by then: it reads while it uploads.
 */
export function closeWhenBodyUnread(fetch: NodeFetch): NodeFetch {
  return async (request, bindings) => {
    const response = await fetch(request, bindings);
    if (bindings.incoming.complete) return response;
    const closing = new Response(response.body, response);
    closing.headers.set('connection', 'close');
    return closing;
  };
}

/** Serves `fetch` over HTTP/1.1 on Node; `onListening` gets the address to open in a browser. */
export function serveNode(fetch: NodeFetch, options: ListenOptions, onListening: (url: string) => void): ServerType {
  return serve({ fetch: closeWhenBodyUnread(fetch), ...options }, (info) => onListening(browserUrl(options.hostname, info.port)));
}
