/**
 * The health report with people as "Participant N", numbered as pseudonymous
 * graph shares number them: ranks in the order of HMAC-SHA256(salt, key), so
 * nobody holding a list of handles can recompute who is who. Only people are
 * renamed; chats keep their public names, figures are counts.
 */
import { createHmac } from 'node:crypto';
import type { HealthPerson, HealthReport } from '../../../shared/index.js';
import { pseudonymLabel } from '../export/pseudonymize.js';

export function pseudonymizeHealth(report: HealthReport, salt: string): HealthReport {
  if (!salt) throw new Error('health: a non-empty salt is required to pseudonymise');
  const keys = new Set<string>();
  for (const s of report.sessions) {
    for (const q of s.questions) {
      if (q.askedBy) keys.add(q.askedBy.key);
      for (const p of q.answeredBy) keys.add(p.key);
    }
    for (const f of s.firstTimers) {
      keys.add(f.person.key);
      for (const p of f.welcomedBy) keys.add(p.key);
    }
  }
  const digest = new Map([...keys].map((k) => [k, createHmac('sha256', salt).update(k).digest('hex')]));
  const ordered = [...keys].sort((a, b) => (digest.get(a)! < digest.get(b)! ? -1 : digest.get(a)! > digest.get(b)! ? 1 : 0));
  const renamed = new Map(ordered.map((k, i) => [k, { key: `participant-${i + 1}`, name: pseudonymLabel(i + 1) }]));
  const as = (p: HealthPerson) => renamed.get(p.key)!;
  return {
    ...report,
    sessions: report.sessions.map((s) => ({
      ...s,
      newcomerNames: s.firstTimers.map((f) => as(f.person).name),
      questions: s.questions.map((q) => ({ ...q, ...(q.askedBy ? { askedBy: as(q.askedBy) } : {}), answeredBy: q.answeredBy.map(as) })),
      firstTimers: s.firstTimers.map((f) => ({ ...f, person: as(f.person), welcomedBy: f.welcomedBy.map(as) })),
    })),
  };
}
