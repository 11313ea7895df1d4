import { describe, expect, it } from 'vitest';
import { bearerToken } from './bearer-auth.ts';

describe('bearerToken', () => {
  it.each<[string, string | undefined, string | undefined]>([
    ['no header', undefined, undefined],
    ['ours', 'Bearer skylab_abc_def', 'skylab_abc_def'],
    ['the scheme is case-insensitive (RFC 9110 §11.1)', 'bearer skylab_abc_def', 'skylab_abc_def'],
    ["a proxy's Basic auth is not ours", 'Basic dXNlcjpwYXNz', undefined],
    ["another service's bearer token is not ours", 'Bearer eyJhbGciOi.x.y', undefined],
    ['a token followed by more words is no token of ours', 'Bearer skylab_a_b c', undefined],
  ])('%s', (_name, header, expected) => expect(bearerToken(header)).toBe(expected));
});
