/**
 * Key phrases on real chat text (issue 20, item 3): noun phrases from the
 * tagger, not runs of whatever words sit between function words. Lines and
 * people come from the real exports in tests/fixtures/real/ (see SOURCES.md);
 * each "was" is what the RAKE-style reader before wink-nlp found there.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTranscript } from '../../server/ingest/read-transcript.js';
import { analyze } from '../../server/pipeline/analyze.js';
import { isNamedTopic, messagePhrases, personTopics, readPhrases } from '../../server/pipeline/words.js';
import type { Message } from '../../shared/index.js';

const root = new URL('../fixtures/real/', import.meta.url).pathname;
const read = (file: string) => readTranscript(new Uint8Array(fs.readFileSync(root + file)), { fileName: file.split('/').pop()! });
const vala = read('rtweet-csv/vala2018-2018-02-13.csv');

/** The surfaces of the phrases of the first real message that contains `excerpt`. */
function phrasesOf(messages: readonly Message[], excerpt: string): string[] {
  const m = messages.find((x) => x.text.includes(excerpt));
  if (!m) throw new Error(`no message with "${excerpt}"`);
  return messagePhrases(m.text).map(([, surface]) => surface);
}

describe('key phrases of real chat lines', () => {
  it('keeps noun phrases and drops a verb with what follows it (#vala2018)', () => {
    // Was: "model enables", "sharing model enables", "enables humanitie" (a word cut off by the platform).
    const sharing = phrasesOf(vala.messages, 'degree data sharing model enables');
    expect(sharing).toContain('data sharing model');
    expect(sharing.filter((p) => /enables|humanitie/.test(p))).toEqual([]);
    // Was: "hotel serves", "serves lollies", "hotel serves lollies", "right outside".
    const hotel = phrasesOf(vala.messages, 'My hotel serves lollies');
    expect(hotel.filter((p) => /serves|outside/.test(p))).toEqual([]);
    expect(hotel).toContain('lollies');
    expect(phrasesOf(vala.messages, 'latest Lankes piece')).toContain('library neutrality');
  });

  it('finds no topic in small talk (#eaw18) or in a headline verb (bang_search)', () => {
    const eaw = read('hydrator-csv/eaw18-2018-03-20.csv').messages;
    // Was: "safe travels" and "fingers crossed", the top phrases of @edsu and @ianmilligan1.
    expect(phrasesOf(eaw, 'Safe travels -- hopefully')).toEqual(['weatherhype']);
    expect(phrasesOf(eaw, 'keep my fingers crossed').filter((p) => p.includes('finger'))).toEqual([]);
    // Was: "democracy ends".
    expect(phrasesOf(read('twarc-csv/bang_search.csv').messages, 'How democracy ends')).toEqual(['democracy', 'bang', 'whimper']);
  });
});

describe('topics of real people (#vala2018)', () => {
  const topics = personTopics(vala.messages);
  const named = (author: string) => [...topics.people.get(author)!.weights.keys()].filter(isNamedTopic);

  it('names what they spoke about, in LIS words and noun phrases', () => {
    // "machine learning": a gerund the tagger calls a verb, kept as the name of an activity.
    expect(named('twitter:gcwhite')).toEqual(expect.arrayContaining(['digitisation', 'archival data', 'preservation', 'machine learning']));
    expect(named('twitter:pmmcg')).toEqual(expect.arrayContaining(['local history', 'digital preservation', 'digital literacy']));
    expect(named('twitter:dumplingsquid')).toEqual(expect.arrayContaining(['oral history', 'research data']));
  });

  it("never weighs the chat's own name, written without its #", () => {
    for (const person of topics.people.values()) expect(person.weights.has('vala2018')).toBe(false);
  });

  it('reads the same phrases from the same messages', () => {
    const again = personTopics(vala.messages);
    expect([...again.people].map(([k, p]) => [k, [...p.weights]])).toEqual([...topics.people].map(([k, p]) => [k, [...p.weights]]));
  });
});

describe('a real French and English Mastodon timeline', () => {
  const file = read('mastodon/tag_timeline.json');
  const french = (phrase: string) =>
    phrase.split(' ').filter((w) => ['pour', 'les', 'des', 'pas', 'bien', 'bon', 'depuis', 'suis'].includes(w));

  it('reads no French function word as a phrase, and keeps the topic both languages share', () => {
    const phrases = readPhrases(file.messages);
    const users = new Map<string, number>();
    for (const mine of phrases.counts.values()) for (const key of mine.keys()) users.set(key, (users.get(key) ?? 0) + 1);
    // "instance" in English and in French ("une instance #mastodon pour les personnels de l'État").
    expect(users.get('instance')).toBe(4);
    // The chat's own name, written without its "#", is no topic (was a term of a community).
    expect(users.has('mastodon')).toBe(false);
    expect([...users.keys()].flatMap(french)).toEqual([]);
  });

  it('gives communities no French function word as a term (was "pour les", "pas" and "bien")', () => {
    const payload = analyze({
      messages: file.messages,
      people: file.people,
      dataset: { id: 'real', name: 'tag_timeline', version: 1 },
      backbone: false,
    });
    const terms = payload.attributes.meta.communities.flatMap((c) => [c.label!, ...c.terms.map((t) => t.term)]);
    expect(terms.flatMap(french)).toEqual([]);
  });
});
