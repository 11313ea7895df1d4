import { describe, expect, it } from 'vitest';
import { createUlids } from '../src/ids.ts';
import { accountIdFor, seededAwsIds } from '../src/engine-ctx.ts';
import { fixedClock, seededRandomBytes } from './support/deterministic.ts';

describe('ULIDs', () => {
  it('are 26 Crockford base32 characters whose time part sorts by time', () => {
    const clock = fixedClock(0);
    const ids = createUlids(clock, seededRandomBytes('x'));
    const first = ids.next();
    clock.advance(1);
    const second = ids.next();
    clock.set(Date.UTC(2030, 0, 1));
    const third = ids.next();
    expect(first).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(first.slice(0, 10)).toBe('0000000000');
    expect(second.slice(0, 10)).toBe('0000000001');
    expect([third, first, second].sort()).toEqual([first, second, third]);
  });

  it('count up within one millisecond, so they sort in the order they were made', () => {
    const ids = createUlids(fixedClock(), seededRandomBytes('x'));
    const made = Array.from({ length: 50 }, () => ids.next());
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(50);
  });

  it('repeat from the same seed and differ across seeds', () => {
    const make = (seed: string) => createUlids(fixedClock(), seededRandomBytes(seed)).next();
    expect(make('a')).toBe(make('a'));
    expect(make('a')).not.toBe(make('b'));
  });

  it('encode the time as the ULID spec does', () => {
    // 1469918176385 ms is `01ARYZ6S41` in the spec's own example.
    expect(createUlids(fixedClock(1469918176385)).next().slice(0, 10)).toBe('01ARYZ6S41');
  });
});

describe('emulator ids', () => {
  it('look like AWS ids and repeat for the same seed', () => {
    const ids = seededAwsIds('seed');
    const user = ids.next('AIDA');
    const instance = ids.next('i-');
    expect(user).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(instance).toMatch(/^i-[0-9a-f]{17}$/);
    expect(ids.next('AKIA')).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(ids.next('ASIA')).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(seededAwsIds('seed').next('AIDA')).toBe(user);
    expect(seededAwsIds('other').next('AIDA')).not.toBe(user);
  });

  it('give each seed its own 12-digit account', () => {
    expect(accountIdFor('a')).toMatch(/^\d{12}$/);
    expect(accountIdFor('a')).toBe(accountIdFor('a'));
    expect(accountIdFor('a')).not.toBe(accountIdFor('b'));
  });
});
