/** Findings: problems in learner or author input, in IAM Access Analyzer's vocabulary. */
export type { Finding, Position, Range, PathSegment, Severity } from './finding.ts';
/** A parsed text with positions, and the limits every loader enforces. */
export { SOURCE_LIMITS, LineIndex, type SourceDocument } from './source.ts';
/** Parses JSON keeping the line and column of every element. */
export { parseJson } from './json/parse-json.ts';
/** Loads one YAML document as plain data with positions; aliases, tags and merge keys are refused. */
export { loadYaml } from './yaml/load-yaml.ts';
/** Formats a finding as `file:line:column severity ruleId message`. */
export { formatFinding } from './format-finding.ts';
/** Turns zod issues into findings placed in the source text. */
export { issuesToFindings, locateNearest, sourcePath, type IssueMapping } from './zod-findings.ts';
/** The IAM policy document schema and its normalised types. */
export { policyDocumentSchema, policyStatementSchema, type PolicyDocument, type PolicyStatement } from './iam-policy/schema.ts';
/** Validates an IAM policy written as JSON into a normalised policy and findings. */
export { validatePolicy, statementPath, type PolicyType, type PolicyValidation, type ValidatePolicyOptions } from './iam-policy/validate-policy.ts';
/** The lab file format v1: schema, types and JSON Schema for editors. */
export {
  labSchema,
  labCheckSchema,
  labParamSchema,
  labSetupSchema,
  labTaskSchema,
  labJsonSchema,
  type Lab,
  type LabCheck,
  type LabParam,
  type LabSetup,
  type LabTask,
} from './lab/schema.ts';
