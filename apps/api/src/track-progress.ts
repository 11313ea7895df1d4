import type { LabSummary } from '@skylab/lab-engine';
import { LAB_TRACKS, type LabTrackId } from '@skylab/validation';

/** A catalogue track and how many of its published labs there are. */
export interface TrackView {
  id: LabTrackId;
  title: string;
  labs: number;
}

/** A learner's progress in one track: labs completed out of the track's published labs. */
export interface TrackProgress extends TrackView {
  completed: number;
}

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
