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
export { parsedPolicy, validatePolicy, statementPath, type PolicyType, type PolicyValidation, type ValidatePolicyOptions } from './iam-policy/validate-policy.ts';
/** The lab file format v1: schema, types and JSON Schema for editors. */
export {
  labSchema,
  labCheckSchema,
  labParamSchema,
  labSetupSchema,
  labTaskSchema,
  labJsonSchema,
  ec2SetupSchema,
  elbv2SetupSchema,
  securityGroupsAnswerSchema,
  type Ec2Setup,
  type Elbv2Setup,
  type Lab,
  type LabCheck,
  type LabParam,
  type LabSetup,
  type LabTask,
} from './lab/schema.ts';
/** The catalogue's tracks, each lab's `track`. */
export { LAB_TRACKS, type LabTrackId } from './lab/tracks.ts';
/** The Auto Scaling parts of the lab format: the task, its answer, the check kinds and the setup. */
export { asgAnswerSchema, type AsgAnswer, type AsgTask } from './lab/asg-task.ts';
export { offsetMinutes } from './lab/asg-checks.ts';
/** The quiz task's answer and questions. */
export { quizAnswerSchema, type QuizAnswer, type QuizQuestion } from './lab/quiz.ts';
/** The misconception catalogue (`labs/misconceptions.yaml`) and its entries. */
export { misconceptionCatalogueSchema, misconceptionSchema, type Misconception } from './lab/misconceptions.ts';
/** The `cloudwatch-alarm` task's answer. */
export { cloudwatchAlarmAnswerSchema } from './lab/cloudwatch-alarm-task.ts';
/** The `launch-template` task's answer. */
export { launchTemplateAnswerSchema } from './lab/launch-template-checks.ts';
/** The `s3-bucket` answer: a bucket's configuration sections in the S3 Put* shapes. */
export { s3BucketAnswerSchema, type S3BucketConfiguration } from './lab/s3-bucket-task.ts';
export type { LaunchTemplateSetup } from './lab/launch-template-setup.ts';
/** The EBS settings task: its answer and setup shapes. */
export { ebsSettingsAnswerSchema, type EbsSettingsAnswer } from './lab/ebs-settings.ts';
/** The ECR repository task: its answer shape. */
export { ecrRepositoryAnswerSchema, type EcrRepositoryAnswer } from './lab/ecr-repository.ts';
/** The `lifecycle` check. */
export { lifecycleCheckSchema, type LifecycleCheck } from './lab/lifecycle-checks.ts';
/** The `route-table` task's answer. */
export { routeTablesAnswerSchema } from './lab/route-table-task.ts';
/** The `target-group` task's answer. */
export { targetGroupAnswerSchema } from './lab/target-group-task.ts';
/** Lints one learner artifact written as text into findings placed by line and column. */
export { lint, parseText, type LintResult } from './lint.ts';
/** Guesses an artifact's kind from the keys of its text. */
export { detectKind } from './detect-kind.ts';
/** The artifact kinds `lint` understands. */
export { ARTIFACT_KINDS, isPolicyKind, type ArtifactKind, type PolicyKind } from './schemas/artifact-kinds.ts';
/** The JSON Schema of an artifact kind (draft 7, every field described), for editors. */
export { artifactJsonSchema } from './schemas/json-schema.ts';
/** Every lint rule, one file each, named by its id. */
export { ALL_RULES } from './rules/registry.ts';
/** The shape of a lint rule and the facts a lint run may be given. */
export type { LintOptions, Rule, RuleContext, RuleHit } from './rules/rule.ts';
/** The IAM action catalogue interface the IAM rules read, and a builder from plain data. */
export { catalogueFrom, type CatalogueAction, type CatalogueResourceType, type ConditionKeyType, type IamCatalogue } from './rules/iam/catalogue.ts';
/** The generated IAM catalogue of the curriculum's services (the lint default), wildcard expansion, resource types per action and condition key types. */
export { CATALOGUE_SERVICES, conditionKeyType, expandActionPattern, iamCatalogue, resourceOfType, resourceTypesFor, type CatalogueConditionKey, type CatalogueService } from './catalogue/iam-catalogue.ts';
/** The global condition keys (`aws:SourceIp` …) with their value types, for editors that complete them. */
export { GLOBAL_CONDITION_KEYS } from './rules/iam/global-condition-keys.ts';
/** Zod schemas of the AWS artifacts in AWS's own shapes. */
export { securityGroupsSchema, ipPermissionSchema, cfnSecurityGroupSchema, ec2SecurityGroupSchema } from './schemas/security-group.ts';
/** Network ACL entry schemas. */
export { naclEntriesSchema, naclEntrySchema } from './schemas/network-acl.ts';
/** Route table schema. */
export { routeTableSchema, routeSchema } from './schemas/route-table.ts';
/** Launch template schemas. */
export { launchTemplateSchema, launchTemplateDataSchema } from './schemas/launch-template.ts';
/** Auto Scaling group, scaling policy and scheduled action schemas. */
export { autoScalingGroupSchema, scalingPolicySchema, scheduledActionSchema } from './schemas/auto-scaling.ts';
/** CloudWatch metric alarm schema. */
export { cloudwatchAlarmSchema } from './schemas/cloudwatch-alarm.ts';
/** Load balancer, listener, listener rule and target group schemas. */
export { loadBalancerSchema, listenerSchema, listenerRuleSchema, listenerRulesSchema, targetGroupSchema, elbActionSchema } from './schemas/elb.ts';
/** S3 lifecycle, ECR lifecycle policy and ECR repository schemas. */
export { s3LifecycleSchema, s3LifecycleRuleSchema, ecrLifecycleSchema, ecrRepositorySchema, type S3LifecycleRule } from './schemas/storage.ts';
/** CIDR block arithmetic. */
export { parseCidr, cidrContains, isWholeInternet, type CidrBlock } from './schemas/cidr.ts';
/** The exam file format v1: schema, item kinds, settings, learner answers and the JSON Schema for editors. */
export { examSchema, examSettingsSchema, examJsonSchema, FEEDBACK_RELEASE, type Exam, type ExamSettings, type FeedbackRelease } from './exam/schema.ts';
export { examItemSchema, POLICY_TYPES, type ExamItem, type ExamOption, type ExamSimulate, type Exhibit } from './exam/items.ts';
export { examAnswersSchema, examItemAnswerSchema, MAX_EXAM_ANSWERS, MAX_HANDS_ON_ANSWER, type ExamAnswers, type ExamItemAnswer } from './exam/answers.ts';
/**
 * The HTTP API's request and answer schemas, shared by the API (which validates with them and builds its answers
 * through their types), the OpenAPI document (generated from them) and the web client (typed from them).
 */
export * from './api/common.ts';
export * from './api/accounts.ts';
export * from './api/labs.ts';
export * from './api/visuals.ts';
export * from './api/attempts.ts';
export * from './api/account-console.ts';
export * from './api/courses.ts';
export * from './api/exams.ts';
export * from './api/lms.ts';
export * from './api/preview.ts';
