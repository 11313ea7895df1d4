import { asList, render, replaceAt, type Mutant, type MutationContext } from './mutant.ts';

// Mutants of a policy answer: the mistakes a learner makes on the way to least privilege — an action or a
// resource widened with `*`, a condition dropped, a statement dropped, another service added — and, for
// trust policies, another principal trusted or every STS action granted. Each one that changes who may do
// what must fail a check of the lab.

type Statement = Record<string, unknown> & { Effect?: string; Condition?: Record<string, Record<string, unknown>> };
type Emit = (description: string, statements: Statement[]) => void;

// A resource ARN widened: a wildcard after its name (`bucket` becomes `bucket*`) and a shorter path (to `bucket/` and a star).
function widenedArns(arn: string): string[] {
  const parts = arn.split(':');
  if (parts.length < 6) return [];
  const head = `${parts.slice(0, 5).join(':')}:`;
  const [name = '', ...path] = parts.slice(5).join(':').split('/');
  const out = name.endsWith('*') ? [] : [`${head}${name}*${path.length > 0 ? `/${path.join('/')}` : ''}`];
  if (path.length > 1 || (path.length === 1 && path[0] !== '*')) out.push(`${head}${name}/*`);
  return out;
}

function elementMutants(statement: Statement, key: string, widen: (value: string) => string[], emit: (description: string, next: Statement) => void): void {
  const values = asList(statement[key] as string | string[] | undefined);
  values.forEach((value, i) => {
    for (const wider of widen(value)) {
      if (wider !== value) emit(`\`${key}\` \`${value}\` widened to \`${wider}\``, { ...statement, [key]: replaceAt(values, i, wider) });
    }
  });
}

function conditionMutants(statement: Statement, emit: (description: string, next: Statement) => void): void {
  const condition = statement.Condition;
  if (condition === undefined) return;
  const { Condition: _dropped, ...without } = statement;
  emit('its `Condition` removed', without);
  const keys = Object.entries(condition).flatMap(([operator, block]) => Object.keys(block).map((key) => [operator, key] as const));
  if (keys.length < 2) return;
  for (const [operator, key] of keys) {
    const next = Object.fromEntries(
      Object.entries(condition)
        .map(([op, block]) => [op, op === operator ? Object.fromEntries(Object.entries(block).filter(([k]) => k !== key)) : block] as const)
        .filter(([, block]) => Object.keys(block).length > 0),
    );
    emit(`the condition on \`${key}\` removed`, { ...statement, Condition: next });
  }
}

function statementMutants(statements: Statement[], emit: Emit, extra: (statement: Statement, emit: (d: string, s: Statement) => void) => void): void {
  statements.forEach((statement, i) => {
    const at = (description: string, next: Statement) => emit(`statement ${i + 1}: ${description}`, replaceAt(statements, i, next));
    if (statements.length > 1) emit(`statement ${i + 1} removed`, replaceAt(statements, i, undefined));
    if (statement.Effect !== 'Allow') return;
    elementMutants(statement, 'Action', (a) => [`${a.split(':')[0]}:*`, '*'], at);
    elementMutants(statement, 'Resource', (r) => (r === '*' ? [] : ['*', ...widenedArns(r)]), at);
    conditionMutants(statement, at);
    extra(statement, at);
  });
}

function mutate(task: string, text: string, build: (statements: Statement[], emit: Emit) => void): Mutant[] {
  let document: Record<string, unknown>;
  try {
    document = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return [];
  }
  const statements = asList(document.Statement as Statement | Statement[] | undefined);
  const out: Mutant[] = [];
  build(statements, (description, next) => out.push({ task, description, answer: render({ ...document, Statement: next }) }));
  return out;
}

/** Mutants of an identity policy answer. */
export function identityPolicyMutants(task: string, text: string): Mutant[] {
  return mutate(task, text, (statements, emit) => {
    statementMutants(statements, emit, () => {});
    // Another service, reading and writing: no identity policy of a lab may grant them unnoticed.
    for (const action of ['ec2:DescribeInstances', 'iam:PassRole']) emit(`a statement allowing \`${action}\` on \`*\` added`, [...statements, { Effect: 'Allow', Action: action, Resource: '*' }]);
  });
}

/** Mutants of a trust policy answer. */
export function trustPolicyMutants(task: string, text: string, context: MutationContext): Mutant[] {
  return mutate(task, text, (statements, emit) => {
    statementMutants(statements, emit, (statement, at) => {
      at('`Principal` widened to `*`', { ...statement, Principal: '*' });
      const principal = typeof statement.Principal === 'object' && statement.Principal !== null ? (statement.Principal as Record<string, unknown>) : {};
      const added: [string, string][] = [
        ['Service', 'lambda.amazonaws.com'],
        ['AWS', `arn:aws:iam::${context.accountId}:root`],
        ['AWS', '210987654321'],
      ];
      for (const [type, who] of added) at(`\`${who}\` trusted too`, { ...statement, Principal: { ...principal, [type]: [...asList(principal[type] as string | string[] | undefined), who] } });
      at('`sts:TagSession` granted too', { ...statement, Action: [...asList(statement.Action as string | string[] | undefined), 'sts:TagSession'] });
    });
  });
}
