import { z } from 'zod';
import { parseTrustProxy, TRUST_NOTHING } from './client-address.ts';
import { defaultConfig } from './config.ts';
import type { AppConfig } from './deps.ts';
import { parseSecretKey } from './secret-box.ts';

const emailList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((email) => email.trim().toLowerCase())
      .filter(Boolean),
  );

// A number of proxy hops, or trusted proxies as a comma list of CIDR blocks and addresses (README, Settings).
const trustProxy = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return TRUST_NOTHING;
    const parsed = parseTrustProxy(value);
    if (!parsed) ctx.addIssue({ code: 'custom', message: 'use a number of proxy hops or a comma list of CIDR blocks such as `10.0.0.0/8`' });
    return parsed ?? TRUST_NOTHING;
  });

const envSchema = z.object({
  // 0 asks the OS for a free port (the start-up test uses it).
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  // Loopback only unless asked: over plain HTTP from another machine, browsers drop the session cookie
  // (`Secure`, `__Host-`), so a LAN address is served behind a TLS proxy or with SKYLAB_INSECURE_HTTP.
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().min(1).default('file:.data/skylab.db'),
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  PUBLIC_ORIGIN: z
    .url()
    .transform((url) => new URL(url).origin)
    .optional(),
  LABS_DIR: z.string().min(1).optional(),
  EXAMS_DIR: z.string().min(1).optional(),
  SKYLAB_ADMIN_EMAILS: emailList,
  TRUST_PROXY: trustProxy,
  TRUST_PROXY_HEADER: z.enum(['x-forwarded-for', 'forwarded']).default('x-forwarded-for'),
  SKYLAB_INSECURE_HTTP: z.stringbool().default(false),
  // Webhook and LMS URLs on plain http or internal hosts (a local LMS in development): off unless asked.
  SKYLAB_ALLOW_INTERNAL_URLS: z.stringbool().default(false),
  // Seals secrets kept in the database (the LTI tool's private key): 32 random bytes in base64. Required in a
  // Worker and with NODE_ENV=production; otherwise the Node server makes one beside the database file.
  SKYLAB_SECRET_KEY: z
    .string()
    .refine((text) => parseSecretKey(text) !== undefined, { message: 'use 32 random bytes in base64, as `openssl rand -base64 32` prints' })
    .optional(),
  NODE_ENV: z.string().optional(),
});

export type Env = z.output<typeof envSchema>;

/** A setting is missing or wrong: the server says which and exits, with no stack trace to read through. */
export class ConfigError extends Error {}

/** Parses process env or Worker bindings; the one place that knows their names. Empty strings count as unset. */
export function parseEnv(source: Record<string, unknown>): Env {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== '' && value !== undefined));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `\`${issue.path.join('.')}\`: ${issue.message}`).join('; ');
    throw new ConfigError(`invalid environment: ${problems}`);
  }
  return parsed.data;
}

/** The Node process's environment. */
export function readNodeEnv(): Env {
  return parseEnv(process.env);
}

export function configFromEnv(env: Env): AppConfig {
  return defaultConfig({
    adminEmails: env.SKYLAB_ADMIN_EMAILS,
    trustProxy: env.TRUST_PROXY,
    forwardedHeader: env.TRUST_PROXY_HEADER,
    insecureHttp: env.SKYLAB_INSECURE_HTTP,
    allowInternalUrls: env.SKYLAB_ALLOW_INTERNAL_URLS,
    ...(env.PUBLIC_ORIGIN ? { publicOrigin: env.PUBLIC_ORIGIN } : {}),
  });
}

/** Why a deployment that must be given `SKYLAB_SECRET_KEY` refuses to start without it. */
export const MISSING_SECRET_KEY =
  'SKYLAB_SECRET_KEY is not set: it encrypts the LTI tool key in the database. Make one with `openssl rand -base64 32` and set it as a secret (Worker: `npx wrangler secret put SKYLAB_SECRET_KEY`); keep it, as the stored key cannot be read without it';
