import { AwsError, ValidationError } from '../errors.ts';
import type { WireOperation } from './types.ts';

// The Describe and List calls of the Query services page their answers: ELBv2 with `Marker`/`PageSize` and
// `NextMarker` (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeLoadBalancers.html),
// Auto Scaling and CloudWatch with `NextToken`/`MaxRecords` and `NextToken`. The engines answer whole lists;
// the wire cuts the page. A token is the position of the next item, opaque to the caller as AWS's are.

/** A `NextToken` the service did not hand out (Auto Scaling's and CloudWatch's common error). */
export class InvalidNextToken extends AwsError {
  constructor(message: string) {
    super('InvalidNextToken', message, 400);
  }
}

/** How one call pages: its parameter names, page sizes, and the error a token it did not hand out gets. */
export interface Paging {
  /** The list member of the answer that is paged. */
  list: string;
  /** The request's token (`Marker`, `NextToken`) and the answer's (`NextMarker`, `NextToken`). */
  token: string;
  next: string;
  /** The request's page size (`PageSize`, `MaxRecords`); absent when the API fixes it (ListMetrics). */
  size?: string;
  /** The page size when none is asked for, and the largest one allowed. */
  defaultSize: number;
  maxSize: number;
  /** The error for a token that is not one the wire handed out (`InvalidNextToken` …). */
  invalidToken: (message: string) => AwsError;
}

const TOKEN = /^page-(\d{1,9})$/;

function pageSize(value: unknown, paging: Paging): number {
  if (value === undefined) return paging.defaultSize;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > paging.maxSize) {
    throw new ValidationError(`\`${paging.size}\` must be from 1 to ${paging.maxSize}, not \`${String(value)}\``);
  }
  return value;
}

/** An operation whose answer's list is cut into pages as `paging` says. */
export function paged(operation: WireOperation, paging: Paging): WireOperation {
  return (state, input: Record<string, unknown>, ctx, caller) => {
    const { [paging.token]: token, ...rest } = input;
    const size = pageSize(paging.size === undefined ? undefined : rest[paging.size], paging);
    if (paging.size !== undefined) delete rest[paging.size];
    const result = operation(state, rest, ctx, caller) as Record<string, unknown>;
    const all = result[paging.list] as unknown[];
    const match = token === undefined ? undefined : TOKEN.exec(String(token));
    const start = match ? Number(match[1]) : 0;
    if (token !== undefined && (!match || start > all.length)) throw paging.invalidToken(`the ${paging.token} \`${String(token).slice(0, 64)}\` was not handed out by a previous call`);
    const end = start + size;
    return { ...result, [paging.list]: all.slice(start, end), ...(end < all.length ? { [paging.next]: `page-${end}` } : {}) };
  };
}

