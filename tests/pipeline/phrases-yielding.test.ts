/**
 * Reading phrases for a server request gives the event loop turns (peers
 * are read on the server's own thread): the same phrases as the plain
 * reading, with other work let in while a big dataset is tagged.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTranscript } from '../../server/ingest/read-transcript.js';
import { personTopics, personTopicsYielding, readPhrases, readPhrasesYielding } from '../../server/pipeline/words.js';

const root = new URL('../fixtures/real/', import.meta.url).pathname;
const vala = readTranscript(new Uint8Array(fs.readFileSync(root + 'rtweet-csv/vala2018-2018-02-13.csv')), {
  fileName: 'vala2018-2018-02-13.csv',
});

describe('reading phrases with turns for the event loop', () => {
  it('finds exactly what the plain reading finds, on a real #vala2018 day', async () => {
    expect(vala.messages.length).toBeGreaterThan(1000);
    expect(await readPhrasesYielding(vala.messages)).toEqual(readPhrases(vala.messages));
    expect(await personTopicsYielding(vala.messages)).toEqual(personTopics(vala.messages));
  });

  it('lets other work run while it reads (a turn every thousand messages)', async () => {
    let turns = 0;
    let reading = true;
    const tick = () => {
      turns++;
      if (reading) setImmediate(tick);
    };
    setImmediate(tick);
    await readPhrasesYielding(vala.messages, { maxMessagesPerPerson: 1_000_000 });
    reading = false;
    const own = vala.messages.filter((m) => m.kind !== 'repost').length;
    expect(turns).toBeGreaterThanOrEqual(Math.floor(own / 1000));
  });
});
