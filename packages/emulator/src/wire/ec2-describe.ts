import { InvalidPaginationToken, InvalidParameterValue } from '../ec2/errors.ts';

// What EC2's Describe calls add to the emulator's lists: `Filter.N` and `MaxResults`/`NextToken` pages
// (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_Filtering.html,
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/Query-Requests.html#api-pagination). Filters are
// ANDed, the values of one filter ORed, and a value may use `*` and `?` wildcards. A filter name the
// action does not know is `InvalidParameterValue`, as AWS answers, never ignored.

type Item = Record<string, unknown>;
type Extract = (item: Item) => unknown;
/** The filters of one Describe call: the values each one reads from an item. */
export type FilterTable = Readonly<Record<string, Extract>>;

/** A Describe call's list member, its filters, and the record filters read from each entry. */
export interface DescribeList {
  list: string;
  filters: FilterTable;
  /** The record the filters look at (an instance inside its reservation); the entry itself by default. */
  record?: (entry: Item) => Item;
  /** Whether the call pages with `MaxResults`/`NextToken` (DescribeAddresses and DescribeKeyPairs do not). */
  paged: boolean;
}

/** The paging and filter parameters of a Describe call, as decoded. */
export interface DescribeParams {
  Filters?: { Name: string; Values?: string[] }[];
  MaxResults?: number;
  NextToken?: string;
}

const MIN_RESULTS = 5;
const MAX_RESULTS = 1000;
const MAX_FILTER_VALUES = 200;

/** A field by path (`State.Name`), every value of a list along the way (`Associations.SubnetId`). */
export function field(path: string): Extract {
  const parts = path.split('.');
  return (item) =>
    parts.reduce<unknown[]>(
      (values, part) => values.flatMap((value) => (typeof value === 'object' && value !== null && Object.hasOwn(value, part) ? [(value as Item)[part]] : [])).flat(),
      [item],
    );
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function wildcard(pattern: string): RegExp {
  const source = pattern.replace(/\\([*?\\])|([*?])|([.+^${}()|[\]\\])/g, (_m, escaped: string | undefined, wild: string | undefined, special: string | undefined) => {
    if (escaped) return `\\${escaped}`;
    if (wild) return wild === '*' ? '[\\s\\S]*' : '[\\s\\S]';
    return `\\${special}`;
  });
  return new RegExp(`^${source}$`);
}

function tagValues(item: Item, name: string): unknown[] | undefined {
  const tags = (Array.isArray(item.Tags) ? item.Tags : []) as { Key: string; Value: string }[];
  if (name === 'tag-key') return tags.map((t) => t.Key);
  if (name === 'tag-value') return tags.map((t) => t.Value);
  if (name.startsWith('tag:')) return tags.filter((t) => t.Key === name.slice(4)).map((t) => t.Value);
  return undefined;
}

function filterValues(table: FilterTable, item: Item, name: string): string[] {
  const values = tagValues(item, name) ?? [table[name]!(item)].flat();
  return values.flatMap((v) => text(v) ?? []);
}

function checkFilters(table: FilterTable, filters: NonNullable<DescribeParams['Filters']>): void {
  for (const filter of filters) {
    if (tagValues({}, filter.Name) === undefined && !Object.hasOwn(table, filter.Name)) {
      throw new InvalidParameterValue(`the filter \`${filter.Name}\` is invalid for this call`);
    }
    if ((filter.Values ?? []).length > MAX_FILTER_VALUES) throw new InvalidParameterValue(`the filter \`${filter.Name}\` has more than ${MAX_FILTER_VALUES} values`);
  }
}

/** Whether an item passes every filter: one of each filter's values matches one of the item's. */
export function matchesFilters(table: FilterTable, item: Item, filters: NonNullable<DescribeParams['Filters']>): boolean {
  return filters.every((filter) => {
    const patterns = (filter.Values ?? []).map(wildcard);
    const values = filterValues(table, item, filter.Name);
    return patterns.some((pattern) => values.some((value) => pattern.test(value)));
  });
}

function page<T>(items: T[], params: DescribeParams): { items: T[]; NextToken?: string } {
  if (params.MaxResults === undefined && params.NextToken === undefined) return { items };
  if (params.MaxResults !== undefined && (params.MaxResults < MIN_RESULTS || params.MaxResults > MAX_RESULTS)) {
    throw new InvalidParameterValue(`value \`${params.MaxResults}\` for parameter \`MaxResults\` is invalid: it must be between ${MIN_RESULTS} and ${MAX_RESULTS}`);
  }
  const start = params.NextToken === undefined ? 0 : Number(params.NextToken);
  if (params.NextToken !== undefined && (!/^\d{1,9}$/.test(params.NextToken) || start > items.length)) {
    throw new InvalidPaginationToken(`the pagination token \`${params.NextToken.slice(0, 64)}\` is not valid or has expired`);
  }
  const end = start + (params.MaxResults ?? MAX_RESULTS);
  return { items: items.slice(start, end), ...(end < items.length ? { NextToken: String(end) } : {}) };
}

/** A Describe call's result with its list filtered and cut to the requested page (`NextToken` when more follow). */
export function describePage(result: Item, describe: DescribeList, params: DescribeParams): Item {
  const filters = params.Filters ?? [];
  checkFilters(describe.filters, filters);
  const entries = (result[describe.list] ?? []) as Item[];
  const kept = entries.filter((entry) => matchesFilters(describe.filters, describe.record ? describe.record(entry) : entry, filters));
  const { items, NextToken } = describe.paged ? page(kept, params) : { items: kept, NextToken: undefined };
  return { ...result, [describe.list]: items, ...(NextToken !== undefined ? { NextToken } : {}) };
}
