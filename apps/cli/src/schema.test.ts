import { artifactJsonSchema } from '@skylab/validation';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';
import { schemaCommand } from './schema.ts';

function run(args: string[], through: 'schema' | 'cli' = 'schema') {
  const out: string[] = [];
  const err: string[] = [];
  const io = { cwd: '/', out: (l: string) => out.push(l), err: (l: string) => err.push(l), stdin: () => '', ctx: () => { throw new Error('no account needed'); } };
  const code = through === 'schema' ? schemaCommand(args, io) : runCli(args, io);
  return { code, out, err };
}

describe('skylab schema', () => {
  it.each(['iam-scp', 'security-groups', 'lab'] as const)('prints the JSON Schema of %s', (kind) => {
    const r = run(['schema', kind], 'cli');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out.join('\n'))).toEqual(artifactJsonSchema(kind));
  });

  it('is what skylab labs schema prints', () => {
    expect(run(['labs', 'schema'], 'cli').out).toEqual(run(['lab']).out);
  });

  it.each([[[]], [['lab', 'extra']], [['--kind']]])('prints usage for %j', (args) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/^usage: skylab schema <kind>/);
  });

  it('names the kinds when the kind is unknown', () => {
    const r = run(['policy']);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/^unknown kind `policy`: use one of iam-identity-policy, /);
  });
});
