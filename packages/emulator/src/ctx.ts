/** The injected clock: epoch milliseconds. The emulator never reads the real time itself. */
export interface Clock {
  now(): number;
}

/** The injected id source, so a run is reproducible from its seed. */
export interface Ids {
  /** A new id for the given AWS id prefix (`AIDA`, `ANPA`, `i-`, `sg-` …). */
  next(prefix: string): string;
}

/** What every emulated operation receives besides state and input. */
export interface Ctx {
  clock: Clock;
  ids: Ids;
  accountId: string;
  region: string;
}
