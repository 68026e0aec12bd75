/**
 * The newcomer figures of the explorer's sessions table, counted as the Chat
 * health API counts them: against each chat's whole history, whatever the
 * view's dates (issue 22: the same numbers everywhere). The graph payload
 * counts first-timers within its selection, so a session filtered to itself
 * would show none; the health list is read once per dataset version and its
 * sessions merged into the table by session id.
 */
import type { SessionFigures } from '../../shared/index.js';
import { fetchSessions } from '../health/api.js';

export type WholeHistoryFigures = ReadonlyMap<string, Pick<SessionFigures, 'newcomers' | 'newcomersWelcomed'>>;

interface Held {
  key?: string;
  figures?: WholeHistoryFigures;
}

/** One per page: the figures of the dataset version last asked for. */
const held: Held = {};

/**
 * The figures of `dataset` at `version` if read, else undefined (the table
 * keeps the payload's until then) and a read starts; `loaded` is called once
 * they arrive. A failed read leaves the payload's figures.
 */
export function wholeHistoryFigures(dataset: string, version: number, loaded: () => void): WholeHistoryFigures | undefined {
  const key = `${dataset}@${version}`;
  if (held.key === key) return held.figures;
  held.key = key;
  held.figures = undefined;
  fetchSessions(dataset)
    .then((list) => {
      if (held.key !== key) return;
      held.figures = new Map(list.sessions.map((s) => [s.id, s]));
      loaded();
    })
    .catch(() => undefined);
  return undefined;
}
