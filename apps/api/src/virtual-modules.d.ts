/** Every `labs/<id>/lab.yaml` and `exams/<id>/exam.yaml` as text, bundled into the Worker at build time (`scripts/bundle-labs.mjs`). */
declare module 'virtual:skylab-lab-sources' {
  export const labSources: ReadonlyArray<{ readonly path: string; readonly text: string }>;
  export const examSources: ReadonlyArray<{ readonly path: string; readonly text: string }>;
}
