import type { LearnerItemView, LearnerPaperView, Paper, PaperItem } from './types.ts';

function itemView(item: PaperItem, released: boolean): LearnerItemView {
  if (item.kind === 'hands-on') {
    const { seed: _seed, params: _params, lab, ...shown } = item;
    return { ...shown, lab: { id: lab.id, title: lab.title, description: lab.description } };
  }
  const { key, rationale, learnMore, ...shown } = item;
  return (released ? { ...shown, key, rationale, learnMore } : shown) as LearnerItemView;
}

/**
 * A paper as the learner sees it. Before release it holds no key, no rationale and no documentation link (a
 * link can name the answer); a hands-on item shows its task, never the lab's checks, solution, seed or params.
 * Once `released`, each question also carries its key, rationale and link.
 */
export function learnerView(paper: Paper, opts: { released: boolean }): LearnerPaperView {
  return {
    examId: paper.examId,
    title: paper.title,
    settings: paper.settings,
    passPercent: paper.passPercent,
    domains: paper.domains,
    released: opts.released,
    sections: paper.sections.map((section) => ({ id: section.id, title: section.title, items: section.items.map((item) => itemView(item, opts.released)) })),
  };
}
