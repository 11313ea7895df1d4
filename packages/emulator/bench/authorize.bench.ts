// Evaluator and matcher speed, including the inputs that make backtracking matchers explode.
import { evaluatePolicies, globMatch, type SourcePolicy } from '../src/index.ts';

function time(label: string, runs: number, work: () => void): void {
  work();
  const start = performance.now();
  for (let i = 0; i < runs; i++) work();
  console.log(`${label.padEnd(44)} ${((performance.now() - start) / runs).toFixed(3).padStart(9)} ms/op  (${runs} runs)`);
}

const statements = Array.from({ length: 20 }, (_, i) => ({ Effect: i % 5 === 0 ? 'Deny' : 'Allow', Action: [`s3:Get*`, `s3:List*`], Resource: `arn:aws:s3:::bucket-${i}/*` }));
const policies: SourcePolicy[] = [{ policyName: 'p', policyType: 'identity', attachment: 'inline', document: JSON.stringify({ Version: '2012-10-17', Statement: statements }) }];
const request = { principalArn: 'arn:aws:iam::111122223333:user/u', action: 's3:GetObject', resource: 'arn:aws:s3:::bucket-19/a/b/c.txt' };

time('evaluatePolicies (20 statements)', 2000, () => evaluatePolicies(policies, request));
time('globMatch a*a*…b (2000 stars) on 4000 a', 20, () => globMatch(`${'a*'.repeat(2000)}b`, 'a'.repeat(4000)));
time('globMatch *x*y*z on 100 KB', 20, () => globMatch('*x*y*z', 'xy'.repeat(50_000)));
