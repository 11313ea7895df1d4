import { helpText } from './usage.ts';

// Apart from users.ts so that `skylab --help` and `skylab users --help` need no database client.
export const USERS_HELP = helpText(
  `usage: skylab users promote <email> <learner|instructor|admin>   set an account's role (the first admin)
  the database is DATABASE_URL (default file:.data/skylab.db), with DATABASE_AUTH_TOKEN for a libSQL server`,
  ['skylab users promote ada@example.com admin', 'DATABASE_URL=http://127.0.0.1:8080 skylab users promote ada@example.com instructor'],
);
