// Parser speed on the largest inputs the limits allow, and on a typical policy.
import { SOURCE_LIMITS, loadYaml, parseJson, validatePolicy } from '../src/index.ts';

function time(label: string, runs: number, work: () => void): void {
  work();
  const start = performance.now();
  for (let i = 0; i < runs; i++) work();
  console.log(`${label.padEnd(44)} ${((performance.now() - start) / runs).toFixed(3).padStart(9)} ms/op  (${runs} runs)`);
}

const policy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'List', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::my-app-bucket' },
    { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::my-app-bucket/*' },
  ],
}, null, 2);
const wide = JSON.stringify(Array.from({ length: SOURCE_LIMITS.maxNodes - 1 }, (_, i) => `value-${i}`));
const megabyte = JSON.stringify('x'.repeat(SOURCE_LIMITS.maxBytes - 10));
const yaml = Array.from({ length: 3000 }, (_, i) => `key${i}: value ${i}`).join('\n');

time('validatePolicy (typical)', 5000, () => validatePolicy(policy));
time(`parseJson (${SOURCE_LIMITS.maxNodes - 1} strings)`, 50, () => parseJson(wide));
time('parseJson (one string near 1 MB)', 20, () => parseJson(megabyte));
time('parseJson (1 MB of brackets, refused)', 20, () => parseJson('['.repeat(SOURCE_LIMITS.maxBytes)));
time('loadYaml (3000 keys)', 20, () => loadYaml(yaml));
