/**
 * What each thing the Share dialog offers will show, in plain words, for
 * each privacy mode: the dialog prints these beside the link and every
 * download, so no one has to guess what leaves the tool. Keep them true to
 * the server (server/pipeline/export/: the CSV columns, the SVG's labels,
 * pseudonymize's merging of communities smaller than k = 5).
 */
import type { Privacy } from '../../shared/index.js';

export interface DownloadWords {
  /** The picture drawn by the page (a button), or files from the export route by format. */
  kind: 'png' | 'files';
  formats: { format: string; label: string }[];
  what: Record<Privacy, string>;
}

export const PNG_LABEL: Record<Privacy, string> = {
  named: 'Picture (PNG, as shown, with legend)',
  pseudonymous: 'Picture (PNG, with legend)',
};

export const DOWNLOADS: DownloadWords[] = [
  {
    kind: 'png',
    formats: [],
    what: {
      named: 'This view as on screen (zoom, hidden categories, the selected person), names on the labels, with the legend and a summary.',
      pseudonymous:
        'Drawn anew from the pseudonymous data: people as Participant N, layout of its own, small communities merged; coloured and sized as now, no one selected.',
    },
  },
  {
    kind: 'files',
    formats: [{ format: 'svg', label: 'Picture (SVG, for slides and print)' }],
    what: {
      named: 'The whole graph coloured by community, its 15 most connected people named as in the data, with legend and caption.',
      pseudonymous: 'The whole graph coloured by community, people as Participant N, layout of its own, small communities merged.',
    },
  },
  {
    kind: 'files',
    formats: [
      { format: 'gexf', label: 'GEXF (Gephi)' },
      { format: 'graphml', label: 'GraphML (Cytoscape, networkx)' },
      { format: 'json', label: 'JSON (graphology)' },
    ],
    what: {
      named:
        'Every person and tie of this analysis: names and handles as in the data, positions, communities, sectors, regions and counts.',
      pseudonymous:
        'Every tie, people as Participant N, layout of its own, small communities merged; each person’s counts are the average of at least 5 alike, and a sector or region fewer than 5 share reads unknown.',
    },
  },
  {
    kind: 'files',
    formats: [{ format: 'nodes-csv', label: 'People (CSV)' }],
    what: {
      named: 'A row per person: key, name and handle as in the data, community, sector, region, counts.',
      pseudonymous:
        'A row per person as Participant N: community (small ones merged), sector and region (unknown where fewer than 5 share them), counts averaged over at least 5 alike.',
    },
  },
  {
    kind: 'files',
    formats: [{ format: 'edges-csv', label: 'Ties (CSV)' }],
    what: {
      named: "A row per tie: both people's keys and names, its weight and kinds.",
      pseudonymous: 'A row per tie between two people shown as Participant N, its weight and kinds.',
    },
  },
];

/** What the link (and its embed) will show. */
export function linkWords(privacy: Privacy, people: number): string {
  return privacy === 'named'
    ? `Others will see the ${people} people by name and handle, with their ties, communities, sectors and regions, in this view. Bios and messages are never included.`
    : `Others will see ${people} people as "Participant N", in a layout of its own, with their ties; counts are averaged over at least 5 alike and a sector or region fewer than 5 share reads unknown; communities smaller than 5 are merged into "other". No handle, name, bio or message is included.`;
}
