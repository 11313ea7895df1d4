import { basename } from 'node:path';

// `foo-bar.ts`, `foo-bar.test.ts`, `vitest.workers.config.ts`: lowercase words joined by `-`, dots separate suffixes.
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*$/;

/** Every source file name is kebab-case, so the tree reads the same everywhere. */
export default {
  meta: { type: 'suggestion', schema: [], messages: { notKebab: 'file name `{{name}}` is not kebab-case' } },
  create(context) {
    const name = basename(context.filename);
    return {
      Program(node) {
        if (!KEBAB.test(name)) context.report({ node, messageId: 'notKebab', data: { name } });
      },
    };
  },
};
