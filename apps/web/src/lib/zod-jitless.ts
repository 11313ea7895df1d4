import { config } from 'zod';

// zod compiles object parsers with `new Function` after probing whether eval works; the page's CSP
// (`script-src 'self'`) refuses eval, and even the caught probe is a reported violation. Schemas read
// the setting when they are built, so this module must run before any schema module does.
config({ jitless: true });
