import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPlatformCore, type LaunchOptions, type PlatformCore } from './lti-platform-core.ts';

/**
 * A simulated LMS over real HTTP (node:http), playing Canvas's or Moodle's part in LTI 1.3: its JWKS, the
 * OIDC auth endpoint (answering the tool's redirect with an auto-posting id token), the OAuth token endpoint
 * (checking the tool's signed client assertion against the tool's JWKS), line item score endpoints and a
 * Names and Roles membership container, recording everything it receives.
 */
export interface SimulatedPlatform {
  url: string;
  core: PlatformCore;
  /** The launch the next auth request answers with. */
  nextLaunch(options: LaunchOptions): void;
  /** What the platform received, in order. */
  scores: { lineItem: string; body: Record<string, unknown> }[];
  tokenRequests: { scope: string; assertion: JWTPayload }[];
  deepLinkResponses: JWTPayload[];
  /** Members of the NRPS container (`user_id`, `roles`, `status`, `name`). */
  members: Record<string, unknown>[];
  /** While set, score posts are answered 503 (an outage). */
  down: boolean;
  jwksHits: number;
  close(): Promise<void>;
}

export interface SimulatorOptions {
  clientId: string;
  deploymentId: string;
  /** The tool's JWKS URL, for client assertions. */
  toolJwksUrl: () => string;
  now: () => number;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  res.writeHead(status, { 'content-type': type });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export async function startSimulatedPlatform(options: SimulatorOptions): Promise<SimulatedPlatform> {
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const core = await createPlatformCore({ issuer: url, clientId: options.clientId, deploymentId: options.deploymentId, now: () => Math.floor(options.now() / 1000) });
  const issuedTokens = new Map<string, string>();
  let launch: LaunchOptions | undefined;
  let toolKeys: ReturnType<typeof createRemoteJWKSet> | undefined;

  const platform: SimulatedPlatform = {
    url,
    core,
    nextLaunch: (next) => {
      launch = next;
    },
    scores: [],
    tokenRequests: [],
    deepLinkResponses: [],
    members: [],
    down: false,
    jwksHits: 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const verifyToolJwt = async (jwt: string, audience: string) => {
    toolKeys ??= createRemoteJWKSet(new URL(options.toolJwksUrl()));
    const { payload } = await jwtVerify(jwt, toolKeys, { issuer: options.clientId, audience, currentDate: new Date(options.now()) });
    return payload;
  };

  const bearerScope = (req: IncomingMessage) => issuedTokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestUrl = new URL(req.url ?? '/', url);
    const path = requestUrl.pathname;
    if (path === '/jwks') {
      platform.jwksHits++;
      return send(res, 200, await core.jwks());
    }
    if (path === '/auth') {
      // The OIDC authorization request (LTI Security Framework §5.1.1.2), answered with a form_post.
      const q = requestUrl.searchParams;
      if (q.get('client_id') !== options.clientId || q.get('response_mode') !== 'form_post' || q.get('scope') !== 'openid' || !launch) {
        return send(res, 400, { error: 'invalid_request' });
      }
      const idToken = await core.idToken(launch, q.get('nonce') ?? '');
      const fields = { id_token: idToken, state: q.get('state') ?? '' };
      const inputs = Object.entries(fields)
        .map(([name, value]) => `<input type="hidden" name="${name}" value="${escape(value)}">`)
        .join('');
      // a browser posts it at once, as Canvas's and Moodle's pages do
      return send(res, 200, `<form method="post" action="${escape(q.get('redirect_uri') ?? '')}">${inputs}</form><script>document.forms[0].submit()</script>`, 'text/html');
    }
    if (path === '/token' && req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      if (form.get('grant_type') !== 'client_credentials') return send(res, 400, { error: 'unsupported_grant_type' });
      try {
        const assertion = await verifyToolJwt(form.get('client_assertion') ?? '', `${url}/token`);
        const scope = form.get('scope') ?? '';
        platform.tokenRequests.push({ scope, assertion });
        const token = `token-${issuedTokens.size + 1}`;
        issuedTokens.set(token, scope);
        return send(res, 200, { access_token: token, token_type: 'Bearer', expires_in: 3600, scope });
      } catch {
        return send(res, 401, { error: 'invalid_client' });
      }
    }
    const scores = /^\/lineitems\/([^/]+)\/scores$/.exec(path);
    if (scores && req.method === 'POST') {
      if (platform.down) return send(res, 503, { error: 'maintenance' });
      if (!bearerScope(req)?.includes('https://purl.imsglobal.org/spec/lti-ags/scope/score')) return send(res, 401, { error: 'invalid_token' });
      if (req.headers['content-type'] !== 'application/vnd.ims.lis.v1.score+json') return send(res, 415, { error: 'unsupported_media_type' });
      platform.scores.push({ lineItem: scores[1]!, body: JSON.parse(await readBody(req)) as Record<string, unknown> });
      return send(res, 200, {});
    }
    if (path === '/memberships' && req.method === 'GET') {
      if (!bearerScope(req)?.includes('contextmembership.readonly')) return send(res, 401, { error: 'invalid_token' });
      return send(res, 200, { id: `${url}/memberships`, context: { id: 'course-1', title: 'AWS foundations' }, members: platform.members }, 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json');
    }
    if (path === '/deep-link-return' && req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      platform.deepLinkResponses.push(await verifyToolJwt(form.get('JWT') ?? '', url));
      return send(res, 200, 'items added', 'text/html');
    }
    return send(res, 404, { error: 'not_found' });
  }

  return platform;
}

/** The hidden fields of the first form of an HTML page, and where it posts: what a browser auto-posts. */
export function formOf(html: string): { action: string; fields: URLSearchParams } {
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1] ?? '';
  const fields = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields.append(match[1]!, match[2]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
  }
  return { action: action.replace(/&amp;/g, '&'), fields };
}
