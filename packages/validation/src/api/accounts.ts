import { z } from 'zod';

// Sign-up, sign-in and the account (docs/api.md, Accounts): request schemas and answers.

// 10 characters is NIST SP 800-63B's floor raised a little; 256 bounds the work one request can ask of the hash.
const newPassword = z.string().min(10).max(256);
/** What a password check accepts: any length up to the bound, so old passwords keep working if the policy tightens. */
const givenPassword = z.string().max(256);

export const signUpBody = z.object({ email: z.email().max(254), password: newPassword, name: z.string().trim().max(100).optional() });
export const signInBody = z.object({ email: z.string().max(254), password: givenPassword });
export const passwordChangeBody = z.object({ currentPassword: givenPassword, newPassword });
export type SignUpBody = z.input<typeof signUpBody>;
export type SignInBody = z.input<typeof signInBody>;
export type PasswordChangeBody = z.input<typeof passwordChangeBody>;

/** The signed-in account. `name` is empty when none was given at sign-up. */
export const userView = z.strictObject({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(['learner', 'instructor', 'admin']) });
export type User = z.infer<typeof userView>;

/** `POST /api/auth/sign-up`, `POST /api/auth/sign-in`, `GET /api/me`, `POST /api/me/password`. */
export const userResponse = z.strictObject({ user: userView });
export type UserResponse = z.infer<typeof userResponse>;
