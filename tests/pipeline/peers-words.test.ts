import { describe, expect, it } from 'vitest';
import { messagePhrases, personTopics, sharedTopics } from '../../server/pipeline/words.js';
import { msg } from '../support/messages.js';

const phrases = (text: string) => messagePhrases(text).map(([, surface]) => surface);

describe('key phrases', () => {
  it('finds no topic in chat filler (the phrases the issue quotes)', () => {
    expect(phrases('hear goes and came round')).toEqual([]);
    expect(phrases('it took a while but admin came round')).toEqual(['admin']);
    expect(phrases('honestly mostly persistence')).toEqual(['persistence']);
    // "forms asking" and "things google": a verb and a filler word end the run.
    expect(phrases('we use forms asking things google does')).toEqual(['forms', 'google']);
    // A gerund that names an activity ends a phrase; any other "-ing" word only modifies one. A lone "groups" is filler.
    expect(phrases('groups asking about staff training and web archiving')).toEqual([
      'staff',
      'staff training',
      'training',
      'web',
      'web archiving',
      'archiving',
    ]);
  });

  it('keeps noun phrases of up to three words ending on a noun, without links, handles or hashtags', () => {
    // An adjective alone ("systematic") is no candidate: a noun phrase ends on a noun.
    expect(phrases('A3: systematic reviews for the stroke unit @ann #medlibsuk https://t.co/x')).toEqual([
      'systematic reviews',
      'reviews',
      'stroke',
      'stroke unit',
      'unit',
    ]);
    // "weeding" is a verb to the tagger, kept as a gerund that names an activity; "reading for pleasure" is LIS
    // vocabulary, found across a function word.
    expect(phrases('our zine collection, weeding & information literacy; reading for pleasure')).toEqual([
      'zine',
      'zine collection',
      'collection',
      'weeding',
      'information',
      'information literacy',
      'literacy',
      'reading',
      'pleasure',
      'reading for pleasure',
    ]);
  });

  it('reads other languages and scripts without failing, with their function words left out', () => {
    expect(phrases('Biblioteca pública de la ciudad para los lectores')).toEqual([
      'biblioteca',
      'biblioteca pública',
      'pública',
      'ciudad',
      'lectores',
    ]);
    expect(phrases('Die Stadtbibliothek ist für alle Leser offen')).toEqual(['stadtbibliothek', 'leser', 'leser offen', 'offen']);
    expect(phrases('Les bibliothèques publiques des villes')).toEqual(['bibliothèques', 'bibliothèques publiques', 'publiques', 'villes']);
    for (const text of ['', '🎉🎉', '図書館のテキスト', 'مكتبة عامة في المدينة', 'x'.repeat(5000), '&amp;&lt;', 'relea… https://t.co/x'])
      expect(phrases(text)).toEqual([]);
  });

  it('keeps a phrase only when several but not most people use it, and names shared topics, not lone words', () => {
    const said = (id: string, author: string, text: string, hashtags: string[] = ['#c']) =>
      msg({ id, author, time: `2024-01-10T20:0${id}:00.000Z`, text, hashtags });
    const messages = [
      said('1', 'twitter:ann', 'Systematic reviews and our zines, admin #zines', ['#c', '#zines']),
      said('2', 'twitter:bob', 'a systematic review of zines, admin', ['#c', '#zines']),
      said('3', 'twitter:cat', 'admin again'),
      said('4', 'twitter:dan', 'admin, always admin'),
      said('5', 'twitter:eve', 'storytime'),
      said('6', 'twitter:fay', 'coding club'),
      said('7', 'twitter:gus', 'coding club'),
    ];
    const topics = personTopics(messages, { maxShare: 0.3 });
    const ann = topics.people.get('twitter:ann')!;
    // "admin": four of seven people, past the share; "storytime": one person.
    expect([...ann.weights.keys()].sort()).toEqual(['#zines', 'review', 'systematic review', 'zine']);
    expect(topics.surface.get('systematic review')).toBe('systematic review');
    expect(ann.uses.get('zine')).toEqual(['1']);
    const shared = sharedTopics(ann, topics.people.get('twitter:bob'));
    expect(shared.topics).toEqual(['systematic review', 'zine']);
    expect(shared.similarity).toBeGreaterThan(0.9);
    expect(sharedTopics(ann, topics.people.get('twitter:fay'))).toEqual({ similarity: 0, topics: [] });
    // The chat's own hashtag is no topic.
    expect(topics.people.get('twitter:ann')!.weights.has('#c')).toBe(false);
  });
});
