import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDb } from '../src/index.ts';
import { migrate } from '../src/migrate.ts';
import { MIGRATIONS, openDb } from './open-db.ts';

/** A copy of the migrations folder that stops after the first `count` migrations, to stand for an older deployment. */
function migrationsUpTo(count: number): string {
  const folder = mkdtempSync(join(tmpdir(), 'skylab-migrations-'));
  mkdirSync(join(folder, 'meta'));
  const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  for (const entry of journal.entries) copyFileSync(join(MIGRATIONS, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
  return folder;
}

describe('migrate', () => {
  it('applies nothing twice, so every start can call it', async () => {
    const db = await openDb('file');
    await migrate(db, MIGRATIONS);
    const tables = await db.$client.execute("select name from sqlite_master where type = 'table' and name not like '\\_%' escape '\\' order by name");
    expect(tables.rows.map((r) => r.name)).toEqual([
      'api_tokens',
      'assignments',
      'attempts',
      'course_labs',
      'course_members',
      'courses',
      'exam_answers',
      'exam_regrades',
      'exam_results',
      'exam_sessions',
      'exam_voided_items',
      'lti_attempt_links',
      'lti_contexts',
      'lti_exam_links',
      'lti_identities',
      'lti_login_states',
      'lti_platforms',
      'lti_resource_links',
      'lti_score_outbox',
      'lti_tool_keys',
      'rate_limits',
      'sessions',
      'sign_in_throttles',
      'submissions',
      'users',
      'webhook_deliveries',
      'webhook_delivery_attempts',
      'webhook_endpoints',
    ]);
  });

  it('counts the submissions of attempts made before the count had a column', async () => {
    const db = createDb(':memory:');
    await migrate(db, migrationsUpTo(1));
    await db.$client.batch([
      "insert into users (id, email, password_hash, created_at) values ('u1', 'a@example.com', 'h', 0)",
      `insert into attempts (id, user_id, lab_id, lab_version, seed, params, state, version, status, created_at, updated_at)
       values ('a1', 'u1', 'lab-x', 'v1', 's', '{}', '{}', 5, 'in-progress', 0, 0), ('a2', 'u1', 'lab-x', 'v1', 's', '{}', '{}', 1, 'in-progress', 0, 0)`,
      `insert into submissions (id, attempt_id, attempt_version, answers, grade, findings, score, created_at)
       values ('s1', 'a1', 1, '{}', '{}', '[]', 0, 0), ('s2', 'a1', 3, '{}', '{}', '[]', 0, 0)`,
    ]);
    await migrate(db, MIGRATIONS);
    const rows = await db.$client.execute('select id, submission_count, revealed_hints from attempts order by id');
    expect(rows.rows.map((r) => [r.id, r.submission_count, r.revealed_hints])).toEqual([['a1', 2, '[]'], ['a2', 0, '[]']]);
  });
});
