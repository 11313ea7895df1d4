import type { Finding, PathSegment } from '../finding.ts';
import { parseJson } from '../json/parse-json.ts';
import { LineIndex, type SourceDocument } from '../source.ts';
import { operatorSpelling, parseOperator } from '../rules/iam/condition-operators.ts';
import { issuesToFindings, locateNearest, sourcePath } from '../zod-findings.ts';
import { policyDocumentSchema, type PolicyDocument } from './schema.ts';

/**
 * Which kind of policy a document is; it decides which elements are required or forbidden. `scp` is checked
 * like `identity` except for `Principal` and `NotPrincipal`, which the lint rule `iam/scp-principal` reports
 * in the words of AWS Organizations.
 */
export type PolicyType = 'identity' | 'resource' | 'trust' | 'scp';

/** Options for `validatePolicy`. */
export interface ValidatePolicyOptions {
  /** Defaults to `identity`, the policies attached to users, groups and roles. */
  policyType?: PolicyType;
}

/** The outcome of validating a policy text: the normalised policy when it has no errors, and every finding. */
export interface PolicyValidation {
  policy?: PolicyDocument;
  findings: Finding[];
  /** The parsed source, to place statements and elements in the text. */
  document: SourceDocument;
}

const KNOWN_KEYS = ['Version', 'Id', 'Statement', 'Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];

/**
 * IAM accepts only tab, line feed, carriage return and U+0020–U+00FF in policy documents
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html#reference_iam-quotas-names).
 */
function characterFindings(text: string): Finding[] {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13 || (c >= 0x20 && c <= 0xff) || (i === 0 && c === 0xfeff)) continue;
    const code = `U+${(text.codePointAt(i) ?? c).toString(16).toUpperCase().padStart(4, '0')}`;
    return [
      {
        ruleId: 'iam-policy/invalid-character',
        severity: 'error',
        path: [],
        range: new LineIndex(text).range(i, i + 1),
        message: `a policy may contain only tab, newline and the characters U+0020 to U+00FF, found ${code}`,
      },
    ];
  }
  return [];
}

/** The path in the source text of statement `index` (the statement may be a lone object, not a list). */
export function statementPath(doc: SourceDocument, index: number): PathSegment[] {
  return sourcePath(doc.value, ['Statement', index]);
}

function contextFindings(policy: PolicyDocument, doc: SourceDocument, policyType: PolicyType): Finding[] {
  const findings: Finding[] = [];
  const at = (path: PathSegment[], finding: Omit<Finding, 'path' | 'range'>) => {
    const source = sourcePath(doc.value, path);
    const range = locateNearest(doc, source);
    findings.push({ ...finding, path: source, ...(range ? { range } : {}) });
  };
  if (policy.Version === undefined) {
    at([], {
      ruleId: 'iam-policy/missing-version',
      severity: 'warning',
      message: 'the policy has no `Version`, so IAM reads it as `2008-10-17`',
      help: 'add `"Version": "2012-10-17"` as the first element',
    });
  }
  policy.Statement.forEach((statement, index) => {
    if (policyType === 'identity' || policyType === 'scp') {
      for (const element of ['Principal', 'NotPrincipal'] as const) {
        if (statement[element] && policyType === 'identity') {
          at(['Statement', index, element], {
            ruleId: 'iam-policy/principal-in-identity-policy',
            severity: 'error',
            message: `an identity-based policy cannot name a \`${element}\`: it applies to the user, group or role it is attached to`,
          });
        }
      }
      if (!statement.Resource && !statement.NotResource) {
        at(['Statement', index], { ruleId: 'iam-policy/missing-element', severity: 'error', message: 'a statement needs `Resource` or `NotResource`' });
      }
    } else if (!statement.Principal && !statement.NotPrincipal) {
      at(['Statement', index], { ruleId: 'iam-policy/missing-element', severity: 'error', message: `a statement in a ${policyType} policy needs \`Principal\` or \`NotPrincipal\`` });
    }
    // An operator outside IAM's list makes the whole policy invalid, whatever the statement's effect: IAM
    // refuses to store it, and Access Analyzer reports it as the error "Invalid condition operator"
    // (access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-invalid-condition-operator).
    for (const operator of Object.keys(statement.Condition ?? {})) {
      if (parseOperator(operator)) continue;
      const path = sourcePath(doc.value, ['Statement', index, 'Condition', operator]);
      const range = doc.locateKey(path) ?? locateNearest(doc, path);
      const spelling = operatorSpelling(operator);
      findings.push({
        ruleId: 'iam/unknown-condition-operator',
        severity: 'error',
        path,
        ...(range ? { range } : {}),
        message: spelling ? `unknown condition operator \`${operator}\`: operators are case-sensitive, did you mean \`${spelling}\`?` : `unknown condition operator \`${operator}\``,
        help: 'use an operator such as `StringEquals`, `ArnLike`, `Bool`, `IpAddress` or `NumericLessThan`',
        learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html',
      });
    }
    for (const element of ['Resource', 'NotResource'] as const) {
      statement[element]?.forEach((arn, i) => {
        // The service segment cannot hold a wildcard (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
        const service = arn.split(':')[2];
        if (service !== undefined && /[*?]/.test(service) && arn !== '*') {
          at(['Statement', index, element, i], {
            ruleId: 'iam-policy/wildcard-service',
            severity: 'warning',
            message: `\`${arn}\` has a wildcard in the service segment, which IAM does not support`,
          });
        }
      });
    }
  });
  return findings;
}

/** Parses and validates an IAM policy document written as JSON, with findings placed by line and column. */
export function validatePolicy(text: string, options: ValidatePolicyOptions = {}): PolicyValidation {
  const document = parseJson(text);
  if (document.value === undefined) return { findings: document.findings, document };
  const findings = [...document.findings, ...characterFindings(text)];
  const parsed = policyDocumentSchema.safeParse(document.value);
  if (!parsed.success) {
    findings.push(...issuesToFindings(parsed.error.issues, document, { rulePrefix: 'iam-policy', knownKeys: KNOWN_KEYS }));
    return { findings, document };
  }
  findings.push(...contextFindings(parsed.data, document, options.policyType ?? 'identity'));
  if (findings.some((f) => f.severity === 'error')) return { findings, document };
  return { policy: parsed.data, findings, document };
}

/**
 * The normalised document of a policy text that follows the policy grammar, whatever its policy type; no
 * findings. For tools that read a policy already accepted elsewhere (grading draws witnesses from it).
 */
export function parsedPolicy(text: string): PolicyDocument | undefined {
  const { value } = parseJson(text);
  const parsed = policyDocumentSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
