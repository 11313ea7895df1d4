import type { MisconceptionsResponse } from '@skylab/validation';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { AppDeps } from '../deps.ts';

/** The misconception catalogue, public like the lab catalogue: the grade report shows titles, not tags. */
export function misconceptionRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json({ misconceptions: [...deps.labs.misconceptions()] } satisfies MisconceptionsResponse);
  });
}
