import { describe, expect, it } from 'vitest';
import { startWarnings } from '../src/start-warnings.ts';

describe('startWarnings', () => {
  it.each([
    ['the default loopback address', { HOST: '127.0.0.1' }, []],
    ['IPv6 loopback', { HOST: '::1' }, []],
    ['localhost', { HOST: 'localhost' }, []],
    ['a LAN address behind an HTTPS proxy', { HOST: '0.0.0.0', PUBLIC_ORIGIN: 'https://skylab.school.example' }, []],
    ['a LAN address over plain HTTP', { HOST: '0.0.0.0' }, [/^`HOST=0.0.0.0` serves other machines over plain HTTP, where browsers drop the session cookie/]],
    ['a LAN address with an http:// public origin', { HOST: '192.168.1.20', PUBLIC_ORIGIN: 'http://192.168.1.20:8787' }, [/^`HOST=192.168.1.20`/]],
    ['the insecure-HTTP flag', { HOST: '0.0.0.0', SKYLAB_INSECURE_HTTP: true }, [/^SKYLAB_INSECURE_HTTP is set: the session cookie is sent without `Secure`/]],
    ['internal URLs allowed', { HOST: '127.0.0.1', SKYLAB_ALLOW_INTERNAL_URLS: true }, [/^SKYLAB_ALLOW_INTERNAL_URLS is set: webhook and LMS platform URLs may use plain http/]],
  ])('%s', (_label, env, expected) => {
    const warnings = startWarnings({ SKYLAB_INSECURE_HTTP: false, SKYLAB_ALLOW_INTERNAL_URLS: false, ...env });
    expect(warnings).toHaveLength(expected.length);
    expected.forEach((pattern, index) => expect(warnings[index]).toMatch(pattern));
  });
});
