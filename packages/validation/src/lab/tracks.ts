import { z } from 'zod';

/** The tracks the catalogue groups labs into, in the order it shows them, with their titles. */
export const LAB_TRACKS = [
  { id: 'iam', title: 'Identity and access (IAM)' },
  { id: 'networking', title: 'Networking and load balancing' },
  { id: 'compute-and-scaling', title: 'Compute and scaling' },
  { id: 'storage', title: 'Storage' },
  { id: 'monitoring', title: 'Monitoring' },
] as const;

/** A track id. */
export type LabTrackId = (typeof LAB_TRACKS)[number]['id'];

const trackIds = LAB_TRACKS.map((t) => t.id) as [LabTrackId, ...LabTrackId[]];
const ids = trackIds.map((id) => `\`${id}\``).join(', ');

/** The `track` of a lab: required, so a lab never falls out of the catalogue's groups. */
export const labTrackSchema = z
  .enum(trackIds, {
    error: (issue) => (issue.input === undefined ? `a lab needs a \`track\`: one of ${ids}` : `\`${String(issue.input)}\` is not a track: use one of ${ids}`),
  })
  .describe(`The catalogue track the lab belongs to: ${LAB_TRACKS.map((t) => `\`${t.id}\` (${t.title})`).join(', ')}`);
