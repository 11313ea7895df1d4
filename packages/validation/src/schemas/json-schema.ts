import { z } from 'zod';
import { policyDocumentSchema } from '../iam-policy/schema.ts';
import { KIND_SPECS, isPolicyKind, type ArtifactKind } from './artifact-kinds.ts';

/**
 * The JSON Schema of one artifact kind, for editors: what a learner or author may write (the input side of
 * the zod schema, before lists are normalised), with every field's description. Kinds that accept several
 * AWS shapes get the union of them; every policy kind gets the IAM policy document schema, since the
 * flavours differ only in checks JSON Schema cannot express. Draft 7, because that is what
 * yaml-language-server (and so the VS Code YAML extension) validates with.
 */
export function artifactJsonSchema(kind: ArtifactKind): Record<string, unknown> {
  const schema = isPolicyKind(kind) ? policyDocumentSchema : KIND_SPECS[kind].shapes;
  return { ...z.toJSONSchema(schema, { io: 'input', target: 'draft-7', unrepresentable: 'any' }), title: `Skylab ${kind}` };
}
