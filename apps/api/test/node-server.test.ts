import type { ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUrl, serveNode } from '../src/node-server.ts';
import { testApp } from './support/test-app.ts';

interface Answer {
  status: number;
  connection: string | undefined;
  socket: number;
}

/** One request over `agent`, numbering its sockets so a test can see whether a connection was reused. */
function send(agent: Agent, url: string, method: string, body?: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, method, headers: { origin: new URL(url).origin, 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, socket: socketIds.get(req.socket!) ?? 0 }));
    });
    req.on('socket', (socket) => {
      if (!socketIds.has(socket)) socketIds.set(socket, socketIds.size + 1);
      // A client still uploading when the server closes gets EPIPE after the answer; the answer is what counts.
      socket.on('error', () => undefined);
    });
    req.on('error', reject);
    req.end(body);
  });
}
const socketIds = new Map<object, number>();

describe('the Node server', () => {
  let server: ServerType;
  let origin: string;
  beforeAll(async () => {
    const { app } = await testApp();
    server = await new Promise<ServerType>((resolve) => {
      const started = serveNode(app.fetch, { port: 0, hostname: '127.0.0.1' }, () => resolve(started));
    });
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const KB = 1024;
  it.each([
    ['/api/auth/sign-in', 300 * KB],
    ['/api/auth/sign-in', 2048 * KB],
    ['/api/auth/sign-in', 20_480 * KB],
    ['/aws/01JANYTHING/', 2048 * KB],
    ['/aws/01JANYTHING/', 20_480 * KB],
  ])('answers a body over the limit to %s (%i bytes) with 413, and the next request on the same agent works', async (path, size) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const refused = await send(agent, `${origin}${path}`, 'POST', Buffer.alloc(size, 'x'));
      expect([refused.status, refused.connection]).toEqual([413, 'close']);
      const next = await send(agent, `${origin}/api/labs`, 'GET');
      expect(next.status).toBe(200);
    } finally {
      agent.destroy();
    }
  });

  it('keeps the connection open after answers that read the whole body', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await send(agent, `${origin}/api/auth/sign-in`, 'POST', Buffer.from(JSON.stringify({ email: 'nobody@example.com', password: 'wrong password' })));
      const second = await send(agent, `${origin}/api/labs`, 'GET');
      expect([first.status, first.connection, second.status, second.socket]).toEqual([401, 'keep-alive', 200, first.socket]);
    } finally {
      agent.destroy();
    }
  });
});

describe('browserUrl', () => {
  it.each([
    ['127.0.0.1', 'http://localhost:8787'],
    ['::1', 'http://localhost:8787'],
    ['0.0.0.0', 'http://localhost:8787'],
    ['::', 'http://localhost:8787'],
    ['192.168.1.20', 'http://192.168.1.20:8787'],
    ['fd00::2', 'http://[fd00::2]:8787'],
  ])('for a server on %s is %s', (hostname, url) => {
    expect(browserUrl(hostname, 8787)).toBe(url);
  });
});
