/** A function that runs `fn` once calls have paused for `waitMs`, with the last call's arguments. */
export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  /** Drops a pending call, so nothing runs after its owner is gone. */
  cancel(): void;
}

/** Delays `fn` until calls stop for `waitMs`: typing bursts cost one run, not one per keystroke. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, waitMs: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const debounced = (...args: A) => {
    cancel();
    timer = setTimeout(() => {
      timer = undefined;
      fn(...args);
    }, waitMs);
  };
  return Object.assign(debounced, { cancel });
}
