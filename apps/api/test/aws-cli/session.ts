/**
 * The shape of an AWS CLI session that `../aws-cli.test.ts` runs: one file per service,
 * `<service>-steps.ts`, exporting `session: CliSession`. Each session gets a fresh attempt of its lab (a fresh
 * account) and runs its steps in order, each as one `aws` process against the Node server.
 */
export interface CliContext {
  /** The attempt's account id (12 digits). */
  accountId: string;
  region: string;
  /** Values a step's `expect` saved for later steps (an id the CLI printed, assumed-role credentials …). */
  vars: Record<string, string>;
}

/** Credentials a step runs with instead of the attempt's root key (a session token for assumed roles). */
export interface CliCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface CliStep {
  /** What the step does, as the test names it. */
  name: string;
  /**
   * The arguments after `aws`: service, operation and its options. The harness adds `--endpoint-url`,
   * `--region` and `--output json`, and runs with no config or credentials file.
   */
  args: string[] | ((context: CliContext) => string[]);
  /** Asserts the JSON the CLI printed (`undefined` when it printed nothing); may save values in `context.vars`. */
  expect?: (json: unknown, context: CliContext) => void;
  /** The step must fail with this AWS error code (the CLI prints `An error occurred (Code) …` and exits non-zero). */
  error?: string;
  /** Credentials other than the attempt's root key. */
  credentials?: (context: CliContext) => CliCredentials;
}

export interface CliSession {
  /** The lab whose attempt gives the account. */
  lab: string;
  steps: CliStep[];
}

/** A value an earlier step saved; a step that depends on one that failed fails with its name, not with `undefined`. */
export function saved(context: CliContext, name: string): string {
  const value = context.vars[name];
  if (value === undefined) throw new Error(`no earlier step saved \`${name}\``);
  return value;
}
