import { z } from 'zod';

// 10 characters is NIST SP 800-63B's floor raised a little; 256 bounds the work one request can ask of the hash.
export const newPassword = z.string().min(10).max(256);

/** What a password check accepts: any length up to the bound, so old passwords keep working if the policy tightens. */
export const givenPassword = z.string().max(256);
