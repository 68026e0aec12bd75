/**
 * The people finder's side effects: opened from the header (for me), from
 * a person's panel (for them) or a community's (for all of it), it asks the server for peers in the current
 * view, stores one's own sector and region as an edit (then the graph is
 * read again), shows a peer in the graph, and replays the session where a
 * quoted message was said.
 */
import type { PeerSaid } from '../../shared/index.js';
import { fetchCommunityPeers, fetchPeers, setPersonContext } from '../api.js';
import { openPeersFinder } from '../peers/peers-dialog.js';
import { graphQueryOf } from '../state/view.js';
import { snapshotRoute, type App } from './context.js';
import { loadCurrentGraph } from './load-graph.js';
import { replaySession } from './replay.js';
import { selectPerson } from './selection.js';

/** The view's session in which this was said, if the view holds it. */
function sessionOf(app: App, said: PeerSaid) {
  const sessions = app.explorer.get().loaded?.payload.attributes.meta.sessions ?? [];
  const at = Date.parse(said.time);
  return sessions.find((s) => s.chat === said.chat && Date.parse(s.start) <= at && at <= Date.parse(s.end));
}

/** For me (nothing given), a person (their key) or a community (`community:<id>`). */
export function openPeers(app: App, from?: string): void {
  const datasetId = app.view.get().dataset;
  const { loaded, snapshot } = app.explorer.get();
  if (!datasetId || !loaded || snapshot) return;
  openPeersFinder(app.els.peersDialog, {
    datasetId,
    loaded,
    ...(from ? { from } : {}),
    fetch: (key, filter) => {
      const query = {
        ...graphQueryOf(app.view.get()),
        ...(filter.sector ? { sector: filter.sector } : {}),
        ...(filter.region ? { region: filter.region } : {}),
      };
      const community = /^community:(\d+)$/.exec(key);
      return community ? fetchCommunityPeers(datasetId, Number(community[1]), query) : fetchPeers(datasetId, key, query);
    },
    saveContext: async (key, edit) => {
      await setPersonContext(datasetId, key, edit);
      // The graph's colours, legend and panels show the new context too.
      app.loading = loadCurrentGraph(app);
    },
    show: (key) => selectPerson(app, key, true),
    replayOf: (said, peerKey) => replayOfSaid(app, said, peerKey),
  });
}

/** Replays the session where a peer said something, with the peer selected: what they said, among whom. */
export function replayOfSaid(app: App, said: PeerSaid, peerKey: string): (() => void) | undefined {
  const session = sessionOf(app, said);
  if (!session) return undefined;
  return () => {
    app.view.set({ selected: peerKey });
    void replaySession(app, session);
  };
}

/** The header's "Find people beyond your corner": for me, in any view but a snapshot (read-only, no suggestions). */
export function wirePeersButton(app: App): void {
  if (snapshotRoute()) {
    app.els.peersButton.hidden = true;
    return;
  }
  app.els.peersButton.addEventListener('click', () => openPeers(app));
}
