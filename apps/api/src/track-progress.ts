import type { LabSummary } from '@skylab/lab-engine';
import { LAB_TRACKS, type TrackProgress, type TrackView } from '@skylab/validation';

/** Every track in catalogue order, with its published labs counted (a track with none is still listed). */
export function trackViews(labs: readonly LabSummary[]): TrackView[] {
  return LAB_TRACKS.map((track) => ({ id: track.id, title: track.title, labs: labs.filter((lab) => lab.track === track.id).length }));
}

/**
 * Labs completed per track. Only labs still published count, on both sides of the fraction: a withdrawn
 * lab that the learner once completed would otherwise make a track read 4 of 3.
 */
export function trackProgress(labs: readonly LabSummary[], completedLabIds: ReadonlySet<string>): TrackProgress[] {
  return trackViews(labs).map((track) => ({
    ...track,
    completed: labs.filter((lab) => lab.track === track.id && completedLabIds.has(lab.id)).length,
  }));
}
