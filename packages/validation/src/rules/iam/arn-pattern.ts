import { globRegExp } from './policy-input.ts';

// ARN patterns of the Service Authorization Reference use `${Variable}` placeholders. Object keys, paths and
// ECR repository names may contain `/`; every other variable stands for one segment.
const MULTI_SEGMENT = /ObjectName|WithPath|RepositoryName/;

interface CompiledPattern {
  re: RegExp;
  /** An ARN of the type with every variable filled in, for resources whose wildcards may reach it. */
  representative: string;
}

const patternCache = new Map<string, CompiledPattern>();

function compilePattern(arnPattern: string): CompiledPattern {
  let compiled = patternCache.get(arnPattern);
  if (!compiled) {
    const body = arnPattern
      .split(/(\$\{[^}]*\})/)
      .map((part) => (part.startsWith('${') ? (MULTI_SEGMENT.test(part) ? '.*' : '[^:/]*') : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    compiled = { re: new RegExp(`^${body}$`, 's'), representative: arnPattern.replace(/\$\{Partition\}/g, 'aws').replace(/\$\{[^}]*\}/g, 'x') };
    patternCache.set(arnPattern, compiled);
  }
  return compiled;
}

const SPECIAL = /[$*?]/;

/**
 * True when some ARN the policy's resource (with `*`, `?` and `${aws:…}` variables) matches could be of the
 * resource type: either a concrete instance of the resource matches the type's pattern, or the resource's
 * wildcards reach a representative ARN of the type.
 */
export function resourceCanMatch(resource: string, arnPattern: string): boolean {
  if (resource === '*') return true;
  const { re, representative } = compilePattern(arnPattern);
  // A resource without wildcards or variables is one concrete ARN: the type's pattern alone decides.
  if (!SPECIAL.test(resource)) return re.test(resource);
  const plain = resource.replace(/\$\{[^}]*\}/g, 'x');
  if (re.test(plain.replace(/[*?]/g, 'x')) || re.test(plain.replace(/\*/g, 'x/x').replace(/\?/g, 'x'))) return true;
  return /[*?]/.test(plain) && globRegExp(plain, false).test(representative);
}
