import type { Finding } from '@skylab/validation';
import { ApiError } from '../errors.ts';
import { outboundUrlProblem } from './url-policy.ts';

/** 400 `invalid_url` with a finding at each of `fields` whose URL Skylab would refuse to call (see `outboundUrlProblem`). */
export function checkOutboundUrls<T extends Record<string, unknown>>(body: T, fields: readonly (keyof T & string)[], allowInternal: boolean): void {
  const findings: Finding[] = fields.flatMap((field) => {
    const problem = outboundUrlProblem(String(body[field]), allowInternal);
    return problem ? [{ ruleId: 'outbound-url', severity: 'error' as const, path: [field], message: `\`${field}\` ${problem}` }] : [];
  });
  if (findings.length > 0) throw new ApiError(400, 'invalid_url', 'a URL is one Skylab does not call: https to a public host only', findings);
}
