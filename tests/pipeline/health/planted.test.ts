/**
 * Chat health on a generated history whose answers are known: the model's
 * own sessions, its planted first-timers (`GeneratedSession.firstTimers`),
 * its numbered questions and answers, the moderator's greetings, and who
 * came back. Every figure the stage reports is checked against the model.
 */
import { describe, expect, it } from 'vitest';
import { keyOn, peopleByHandle, personOf, plantedChats } from '../../../data/generator/index.js';
import { computeHealth } from '../../../server/pipeline/health/index.js';
import { messagesOf } from '../../support/generated-messages.js';

const { model } = plantedChats({ seed: 5, chats: 3, peoplePerChat: { min: 18, max: 24 }, sessions: 7, visitorRate: 0.1 });
const messages = messagesOf(model);
const index = peopleByHandle(model);
const keyOf = (handle: string) => keyOn(personOf(index, handle), 'twitter');
const truth = new Map(model.people.map((p) => [keyOf(p.handle), p]));
const report = computeHealth({
  messages,
  nameOf: (key) => truth.get(key)?.name ?? key,
  sectorOf: (key) => truth.get(key)?.sector ?? 'unknown',
  regionOf: (key) => truth.get(key)?.region ?? 'unknown',
});

/** The model's session `s` of `chat`: its messages and authors. */
function modelSession(chat: string, s: number) {
  const here = model.messages.filter((m) => m.chat === chat && m.session === s);
  return { here, authors: new Set(here.map((m) => keyOf(m.author))) };
}

describe('chat health on a planted history', () => {
  it('finds every session of every chat, in order, with its participants and messages', () => {
    const expected = model.chats.flatMap((c) => c.sessions.map((s) => ({ chat: c.hashtag, s: s.index })));
    expect(report.sessions).toHaveLength(expected.length);
    for (const chat of model.chats) {
      const mine = report.sessions.filter((s) => s.chat === chat.hashtag);
      expect(mine.map((s) => s.number)).toEqual(chat.sessions.map((s) => s.index + 1));
      for (const [s, session] of mine.entries()) {
        const { here, authors } = modelSession(chat.hashtag, s);
        expect(session.messages).toBe(here.length);
        expect(session.participants).toBe(authors.size);
        expect(session.newcomers + session.returning).toBe(s === 0 ? 0 : authors.size);
      }
    }
  });

  it('names exactly the planted first-timers (none in a chat’s first session on record)', () => {
    let planted = 0;
    for (const chat of model.chats)
      for (const s of chat.sessions) {
        const reported = report.sessions.find((r) => r.chat === chat.hashtag && r.number === s.index + 1)!;
        const expected = s.index === 0 ? [] : s.firstTimers.map(keyOf).sort();
        planted += expected.length;
        expect(reported.firstTimers.map((f) => f.person.key).sort()).toEqual(expected);
      }
    expect(planted).toBeGreaterThan(10);
  });

  it('counts each question’s answerers, the host aside, and lists none unanswered when all got answers', () => {
    for (const chat of model.chats)
      for (const s of chat.sessions) {
        const reported = report.sessions.find((r) => r.chat === chat.hashtag && r.number === s.index + 1)!;
        const { here } = modelSession(chat.hashtag, s.index);
        const asked = [...new Set(here.filter((m) => m.question !== undefined).map((m) => m.question!))].sort((a, b) => a - b);
        expect(reported.questions.map((q) => q.number)).toEqual(asked);
        for (const q of reported.questions) {
          const answerers = new Set(here.filter((m) => m.answer === q.number && m.author !== chat.moderator).map((m) => keyOf(m.author)));
          expect(new Set(q.answeredBy.map((p) => p.key))).toEqual(answerers);
          expect(q.answerers).toBe(answerers.size);
          expect(q.askedBy?.key).toBe(keyOf(chat.moderator));
          const askedMs = Date.parse(here.find((m) => m.question === q.number)!.time);
          const firstMs = Math.min(...here.filter((m) => m.answer === q.number).map((m) => Date.parse(m.time)));
          expect(q.firstAnswerSeconds).toBe(answerers.size ? Math.max(0, (firstMs - askedMs) / 1000) : undefined);
        }
        expect(reported.unanswered).toEqual(reported.questions.filter((q) => q.answerers === 0).map((q) => q.number));
        expect(reported.questionsAnswered).toBe(reported.questions.filter((q) => q.answerers > 0).length);
      }
  });

  it('says who welcomed each first-timer (the moderator’s planted greetings among them) and who came back within three sessions', () => {
    let greeted = 0;
    for (const chat of model.chats)
      for (const s of chat.sessions.slice(1)) {
        const reported = report.sessions.find((r) => r.chat === chat.hashtag && r.number === s.index + 1)!;
        const { here } = modelSession(chat.hashtag, s.index);
        for (const f of reported.firstTimers) {
          const handle = personOf(index, f.person.key.slice('twitter:'.length)).handle;
          const addressedBy = new Set(
            here
              .filter((m) => m.kind !== 'repost' && m.author !== handle && (m.replyTo?.author === handle || m.mentions.includes(handle)))
              .map((m) => keyOf(m.author)),
          );
          expect(new Set(f.welcomedBy.map((p) => p.key))).toEqual(addressedBy);
          expect(f.welcomed).toBe(addressedBy.size > 0);
          // The planted greeting: the moderator replying to the newcomer's intro.
          if (here.some((m) => m.author === chat.moderator && m.kind === 'reply' && m.replyTo?.author === handle)) {
            greeted++;
            expect(f.welcomedBy.map((p) => p.key)).toContain(keyOf(chat.moderator));
          }
          const later = chat.sessions.slice(s.index + 1, s.index + 4);
          expect(f.sessionsAfter).toBe(later.length);
          expect(f.cameBack).toBe(later.some((l) => modelSession(chat.hashtag, l.index).authors.has(f.person.key)));
        }
      }
    expect(greeted).toBeGreaterThan(5);
  });

  it('tallies returns of welcomed and not-welcomed first-timers from the sessions listed', () => {
    const all = report.sessions.flatMap((s) => s.firstTimers).filter((f) => f.sessionsAfter > 0);
    const welcomed = all.filter((f) => f.welcomed);
    expect(report.returns.welcomed).toEqual({ firstTimers: welcomed.length, cameBack: welcomed.filter((f) => f.cameBack).length });
    const not = all.filter((f) => !f.welcomed);
    expect(report.returns.notWelcomed).toEqual({ firstTimers: not.length, cameBack: not.filter((f) => f.cameBack).length });
  });

  it('mixes sectors and regions as the people’s true ones', () => {
    for (const session of report.sessions) {
      const { authors } = modelSession(session.chat, session.number - 1);
      const bySector = new Map<string, number>();
      for (const a of authors) bySector.set(truth.get(a)!.sector, (bySector.get(truth.get(a)!.sector) ?? 0) + 1);
      expect(new Map(session.sectors.map((g) => [g.value, g.people]))).toEqual(bySector);
      expect(session.regions.reduce((n, g) => n + g.people, 0)).toBe(authors.size);
    }
    const { sector } = report.mixing;
    const sum = sector.observed.reduce((n, row, i) => n + row.slice(i).reduce((a, b) => a + b, 0), 0);
    expect(sum).toBe(sector.ties);
  });

  it('reads first-timers against the whole history whatever the window shows', () => {
    const third = report.sessions.find((s) => s.chat === model.chats[0]!.hashtag && s.number === 3)!;
    const windowed = computeHealth(
      { messages, nameOf: (k) => k, sectorOf: () => 'unknown', regionOf: () => 'unknown' },
      { from: third.start, to: third.end, chats: [third.chat] },
    );
    expect(windowed.sessions.map((s) => s.id)).toEqual([third.id]);
    const alone = windowed.sessions[0]!;
    expect(alone.newcomers).toBe(third.newcomers);
    expect(alone.firstTimers.map((f) => [f.person.key, f.welcomed, f.cameBack])).toEqual(
      third.firstTimers.map((f) => [f.person.key, f.welcomed, f.cameBack]),
    );
  });
});
