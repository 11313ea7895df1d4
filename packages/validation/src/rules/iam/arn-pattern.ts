import { globRegExp } from './policy-input.ts';

// ARN patterns of the Service Authorization Reference use `${Variable}` placeholders. Object keys, paths and
// ECR repository names may contain `/`; every other variable stands for one segment.
const MULTI_SEGMENT = /ObjectName|WithPath|RepositoryName/;
const patternCache = new Map<string, RegExp>();

function patternRegExp(arnPattern: string): RegExp {
  let re = patternCache.get(arnPattern);
  if (!re) {
    const body = arnPattern
      .split(/(\$\{[^}]*\})/)
      .map((part) => (part.startsWith('${') ? (MULTI_SEGMENT.test(part) ? '.*' : '[^:/]*') : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    re = new RegExp(`^${body}$`, 's');
    patternCache.set(arnPattern, re);
  }
  return re;
}

/**
 * True when some ARN the policy's resource (with `*`, `?` and `${aws:…}` variables) matches could be of the
 * resource type: either a concrete instance of the resource matches the type's pattern, or the resource's
 * wildcards reach a representative ARN of the type.
 */
export function resourceCanMatch(resource: string, arnPattern: string): boolean {
  if (resource === '*') return true;
  const plain = resource.replace(/\$\{[^}]*\}/g, 'x');
  const re = patternRegExp(arnPattern);
  if (re.test(plain.replace(/[*?]/g, 'x')) || re.test(plain.replace(/\*/g, 'x/x').replace(/\?/g, 'x'))) return true;
  const representative = arnPattern.replace(/\$\{Partition\}/g, 'aws').replace(/\$\{[^}]*\}/g, 'x');
  return /[*?]/.test(plain) && globRegExp(plain, false).test(representative);
}
