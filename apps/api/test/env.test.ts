import { describe, expect, it } from 'vitest';
import { configFromEnv, parseEnv } from '../src/env.ts';

describe('parseEnv', () => {
  it('fills in the defaults', () => {
    expect(parseEnv({})).toEqual({
      PORT: 8787,
      HOST: '127.0.0.1',
      DATABASE_URL: 'file:.data/skylab.db',
      SKYLAB_ADMIN_EMAILS: [],
      TRUST_PROXY: { kind: 'none' },
      TRUST_PROXY_HEADER: 'x-forwarded-for',
      SKYLAB_INSECURE_HTTP: false,
      SKYLAB_ALLOW_INTERNAL_URLS: false,
    });
  });

  it('reads every setting, treating empty strings as unset', () => {
    const env = parseEnv({
      PORT: '3000',
      HOST: '0.0.0.0',
      SKYLAB_INSECURE_HTTP: '1',
      DATABASE_URL: 'http://127.0.0.1:8080',
      DATABASE_AUTH_TOKEN: '',
      PUBLIC_ORIGIN: 'https://skylab.example/some/path',
      LABS_DIR: 'my-labs',
      SKYLAB_ADMIN_EMAILS: ' Ada@Example.com, ,grace@example.com',
      TRUST_PROXY: '1',
      TRUST_PROXY_HEADER: 'forwarded',
      SKYLAB_ALLOW_INTERNAL_URLS: 'true',
      UNRELATED: 'ignored',
    });
    expect(env).toEqual({
      PORT: 3000,
      HOST: '0.0.0.0',
      SKYLAB_INSECURE_HTTP: true,
      DATABASE_URL: 'http://127.0.0.1:8080',
      PUBLIC_ORIGIN: 'https://skylab.example',
      LABS_DIR: 'my-labs',
      SKYLAB_ADMIN_EMAILS: ['ada@example.com', 'grace@example.com'],
      TRUST_PROXY: { kind: 'hops', hops: 1 },
      TRUST_PROXY_HEADER: 'forwarded',
      SKYLAB_ALLOW_INTERNAL_URLS: true,
    });
    expect(configFromEnv(env)).toMatchObject({
      publicOrigin: 'https://skylab.example',
      adminEmails: ['ada@example.com', 'grace@example.com'],
      trustProxy: { kind: 'hops', hops: 1 },
      forwardedHeader: 'forwarded',
      insecureHttp: true,
      allowInternalUrls: true,
    });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['PUBLIC_ORIGIN', 'not a url'],
    ['TRUST_PROXY', 'yes'],
    ['TRUST_PROXY', '10.0.0.0/99'],
    ['TRUST_PROXY_HEADER', 'x-real-ip'],
    ['SKYLAB_INSECURE_HTTP', 'maybe'],
    ['SKYLAB_ALLOW_INTERNAL_URLS', 'maybe'],
    ['SKYLAB_SECRET_KEY', 'too-short'],
  ])('refuses %s=%s and names it', (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(`\`${name}\``);
  });
});
