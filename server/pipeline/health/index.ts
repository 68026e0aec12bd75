/**
 * Chat health (issue 22): messages → the organiser's report. Per session:
 * participants new and returning, questions and their answers, first-timers
 * (welcomed? came back?), sector and region mix, local start times; over the
 * window: series, returns of welcomed vs not welcomed first-timers, and
 * sector × sector and region × region mixing matrices.
 *
 * Pure. The messages are a chat's whole history (the caller reads the chats
 * without a time window): sessions, first-timers and returns are read
 * against all of it (facts.ts), and only the sessions overlapping
 * `from`…`to` are reported (window.ts), so a session's figures never depend
 * on the window it is seen in. The cache keeps the facts and derives windows.
 */
import type { HealthOptions, HealthReport } from '../../../shared/index.js';
import { healthFacts, type HealthInput } from './facts.js';
import { windowHealth } from './window.js';

export { DEFAULT_HEALTH_OPTIONS, healthFacts, type HealthFacts, type HealthFactsOptions, type HealthInput } from './facts.js';
export { windowHealth } from './window.js';

export function computeHealth(input: HealthInput, options: Partial<HealthOptions> = {}): HealthReport {
  return windowHealth(healthFacts(input, options), options);
}
