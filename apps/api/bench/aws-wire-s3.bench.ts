// `npm run bench` (apps/api): signed S3 round trips per second on Node with the real @aws-sdk/client-s3,
// one read (GetObject) and one write (PutObject), one request after another against the API served over
// HTTP in this process (the app the Node tests use, on its own database). Each call reads the attempt's
// account, verifies SigV4, runs the operation and, for the write, stores the account back.
// `node --import tsx bench/aws-wire-s3.bench.ts [round trips]`
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createAgent } from '../test/scenarios/client.ts';
import { PASSWORD } from '../test/scenarios/scenario.ts';
import { FIXED_NOW } from '../test/support/deterministic.ts';
import { testApp } from '../test/support/test-app.ts';

const ROUND_TRIPS = Number(process.argv[2] ?? 300);

async function measure(label: string, call: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 50; i++) await call();
  const latencies: number[] = [];
  const start = performance.now();
  for (let i = 0; i < ROUND_TRIPS; i++) {
    const t = performance.now();
    await call();
    latencies.push(performance.now() - t);
  }
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const p50 = latencies[Math.floor(latencies.length / 2)]!;
  console.log(`${label.padEnd(22)} ${(ROUND_TRIPS / seconds).toFixed(0).padStart(5)} round trips/s  p50 ${p50.toFixed(2)} ms  (${ROUND_TRIPS} calls)`);
}

const { app } = await testApp();
const server = await new Promise<ServerType>((resolve) => {
  const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
});
try {
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const learner = createAgent((url, init) => fetch(url, init), origin);
  await learner.post('/api/auth/sign-up', { email: 'bench@example.com', password: PASSWORD });
  const attempt = await learner.post('/api/labs/iam-s3-read-only/attempts');
  const { credentials } = (await learner.get(`/api/attempts/${attempt.body.attempt.id}/aws-credentials`)).body;
  const s3 = new S3Client({ endpoint: credentials.endpoint, region: credentials.region, credentials, systemClockOffset: FIXED_NOW - Date.now(), maxAttempts: 1 });
  await s3.send(new CreateBucketCommand({ Bucket: 'bench-bucket' }));
  await s3.send(new PutObjectCommand({ Bucket: 'bench-bucket', Key: 'read.txt', Body: 'hello' }));
  await measure('GetObject (read)', async () => (await s3.send(new GetObjectCommand({ Bucket: 'bench-bucket', Key: 'read.txt' }))).Body?.transformToString());
  let n = 0;
  await measure('PutObject (write)', () => s3.send(new PutObjectCommand({ Bucket: 'bench-bucket', Key: 'write.txt', Body: `body ${n++}` })));
} finally {
  server.close();
}
