/** A small GraphPayload built by hand for the export tests: awkward names on purpose. */
import { GraphPayloadSchema, resolveBuildOptions, type GraphPayload } from '../../../shared/index.js';

const base = { sessions: 1, degree: 1, participation: 0, sectorsReached: 1, regionsReached: 1, welcomes: 0 };

export function samplePayload(): GraphPayload {
  return GraphPayloadSchema.parse({
    attributes: {
      meta: {
        payloadVersion: 1,
        dataset: { id: 'ds1', name: 'Library chats <2024> & "friends"', version: 2 },
        options: resolveBuildOptions({ seed: 3, chats: ['#uklibchat', '#tlchat'] }),
        counts: { nodes: 3, edges: 2, messages: 5, sessions: 2, chats: 2, communities: 2 },
        modularity: 0.123456,
        communities: [
          {
            id: 0,
            size: 2,
            topMembers: [
              { key: 'twitter:ann_lib', label: 'Ann <"Lib"> & Co 🦉', weightedDegree: 3 },
              { key: 'mastodon:bea@glammr.us', label: 'Bea Bell', weightedDegree: 1.833333 },
            ],
            topHashtags: [{ tag: '#oer', count: 2 }],
            chats: [{ chat: '#uklibchat', messages: 4 }],
            sectors: [
              { value: 'academic', count: 1 },
              { value: 'public', count: 1 },
            ],
            regions: [
              { value: 'UK', count: 1 },
              { value: 'unknown', count: 1 },
            ],
          },
          {
            id: 1,
            size: 1,
            topMembers: [{ key: 'csv:eve', label: '=HYPERLINK("http://x")', weightedDegree: 1.166667 }],
            topHashtags: [],
            chats: [{ chat: '#tlchat', messages: 1 }],
            sectors: [{ value: 'school', count: 1 }],
            regions: [{ value: 'US', count: 1 }],
          },
        ],
        sessions: [
          {
            id: '#uklibchat@2024-03-14T20:00:00.000Z',
            chat: '#uklibchat',
            start: '2024-03-14T20:00:00.000Z',
            end: '2024-03-14T20:30:00.000Z',
            messages: 4,
            participants: 2,
            questions: 1,
            firstTimers: 0,
            firstTimersWelcomed: 0,
          },
          {
            id: '#tlchat@2024-03-15T01:00:00.000Z',
            chat: '#tlchat',
            start: '2024-03-15T01:00:00.000Z',
            end: '2024-03-15T01:05:00.000Z',
            messages: 1,
            participants: 1,
            questions: 0,
            firstTimers: 0,
            firstTimersWelcomed: 0,
          },
        ],
        chats: ['#tlchat', '#uklibchat'],
        bridges: [
          {
            key: 'twitter:ann_lib',
            label: 'Ann <"Lib"> & Co 🦉',
            participation: 0.5,
            communitiesReached: 2,
            sectorsReached: 2,
            regionsReached: 2,
          },
        ],
        welcomers: [{ key: 'twitter:ann_lib', label: 'Ann <"Lib"> & Co 🦉', welcomes: 1 }],
        caption: 'Ann <"Lib"> & Co 🦉 bridges most.',
      },
    },
    options: { type: 'undirected', multi: false, allowSelfLoops: false },
    nodes: [
      {
        key: 'csv:eve',
        attributes: {
          ...base,
          label: '=HYPERLINK("http://x")',
          handle: 'eve',
          platform: 'csv',
          community: 1,
          sector: 'school',
          region: 'US',
          x: -3,
          y: 4,
          size: 3,
          messages: 1,
          weightedDegree: 1.166667,
          chats: [],
        },
      },
      {
        key: 'mastodon:bea@glammr.us',
        // A bell and a NUL pasted into a display name: XML 1.0 cannot carry either.
        attributes: {
          ...base,
          label: 'Bea\u0007 Bell\u0000',
          handle: 'bea@glammr.us',
          platform: 'mastodon',
          community: 0,
          sector: 'public',
          region: 'unknown',
          x: 0,
          y: 0,
          size: 7.5,
          messages: 1,
          weightedDegree: 1.833333,
          chats: ['#uklibchat'],
        },
      },
      {
        key: 'twitter:ann_lib',
        attributes: {
          label: 'Ann <"Lib"> & Co 🦉',
          handle: 'Ann_Lib',
          platform: 'twitter',
          community: 0,
          sector: 'academic',
          region: 'UK',
          x: 1.5,
          y: -2.25,
          size: 15,
          messages: 3,
          sessions: 2,
          degree: 2,
          weightedDegree: 3,
          chats: ['#uklibchat', '#tlchat'],
          participation: 0.5,
          sectorsReached: 2,
          regionsReached: 2,
          welcomes: 1,
        },
      },
    ],
    edges: [
      {
        source: 'csv:eve',
        target: 'twitter:ann_lib',
        attributes: { weight: 1.166667, reply: 0, mention: 1, coAnswer: 0, coSession: 1, repost: 0 },
      },
      {
        source: 'mastodon:bea@glammr.us',
        target: 'twitter:ann_lib',
        attributes: { weight: 1.833333, reply: 1, mention: 0, coAnswer: 1, coSession: 1, repost: 0 },
      },
    ],
  });
}

/** What a reader should get back for each node: control characters gone, `chats` joined with `;`. */
export function expectedNodeAttributes(payload: GraphPayload): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    payload.nodes.map((n) => [
      n.key,
      { ...n.attributes, label: n.attributes.label.replace(/[\u0000-\u0008]/g, ''), chats: n.attributes.chats.join(';') },
    ]),
  );
}

/** Characters an XML 1.0 document may not contain. */
export const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
