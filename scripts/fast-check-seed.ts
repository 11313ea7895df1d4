import fc from 'fast-check';

// In CI every property test starts from one fixed seed, so whether a change lands never hinges on a lucky draw;
// on a developer's machine each run explores new inputs. A failure prints its seed: FC_SEED=<seed> replays it.
const seed = process.env.FC_SEED ?? (process.env.CI ? '20261123' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
