import { ARTIFACT_KINDS, artifactJsonSchema, type ArtifactKind } from '@skylab/validation';
import { helpText } from './usage.ts';

/** Where `skylab schema` writes. */
export interface SchemaIo {
  out(line: string): void;
  err(line: string): void;
}

const USAGE = `usage: skylab schema <kind>
  prints the JSON Schema (draft 7) of one artifact kind, for editors; \`skylab labs schema\` is \`skylab schema lab\`
  kinds: ${ARTIFACT_KINDS.join(', ')}`;

export const SCHEMA_HELP = helpText(USAGE, ['skylab schema security-groups > sg.schema.json', 'skylab schema lab']);

/** `skylab schema <kind>`: the kind's JSON Schema on stdout, exit 2 on a missing or unknown kind. */
export function schemaCommand(args: readonly string[], io: SchemaIo): number {
  const [kind, ...rest] = args;
  if (kind === undefined || rest.length > 0 || kind.startsWith('-')) {
    io.err(USAGE);
    return 2;
  }
  if (!(ARTIFACT_KINDS as readonly string[]).includes(kind)) {
    io.err(`unknown kind \`${kind}\`: use one of ${ARTIFACT_KINDS.join(', ')}`);
    return 2;
  }
  io.out(JSON.stringify(artifactJsonSchema(kind as ArtifactKind), null, 2));
  return 0;
}
