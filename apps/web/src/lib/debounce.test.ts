import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce } from './debounce.ts';

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once after calls pause, with the last arguments', () => {
    const fn = vi.fn();
    const run = debounce(fn, 300);
    run('a');
    vi.advanceTimersByTime(200);
    run('ab');
    vi.advanceTimersByTime(299);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn).toHaveBeenCalledWith('ab');
  });

  it('runs again for a later burst', () => {
    const fn = vi.fn();
    const run = debounce(fn, 300);
    run(1);
    vi.advanceTimersByTime(300);
    run(2);
    vi.advanceTimersByTime(300);
    expect(fn.mock.calls).toEqual([[1], [2]]);
  });

  it('drops the pending call when cancelled', () => {
    const fn = vi.fn();
    const run = debounce(fn, 300);
    run('x');
    run.cancel();
    vi.advanceTimersByTime(1000);
    expect(fn).not.toHaveBeenCalled();
  });
});
