// `npm run build` (and so `npm test`, through turbo): the bundle, ahead of the first `skylab` run.
import { buildBundle } from './bundle.mjs';

await buildBundle();
