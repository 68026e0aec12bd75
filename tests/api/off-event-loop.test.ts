/**
 * The analysis runs in a worker thread: while the demo's graph is being
 * computed (Louvain and layout over 357 people and 7,100 ties), the server
 * still answers other requests — they finish first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoIfEmpty } from '../../server/imports/demo.js';
import { buildTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let base = '';
let id = '';
beforeAll(async () => {
  t = await buildTestApp();
  id = (await loadDemoIfEmpty(t.app.store))!.id;
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
}, 60_000);
afterAll(async () => t.close());

describe('analysis off the event loop', () => {
  it('answers health checks while a graph is computed', async () => {
    const order: string[] = [];
    const graph = fetch(`${base}/api/datasets/${id}/graph?seed=11`).then(async (r) => {
      await r.text();
      order.push('graph');
    });
    await new Promise((r) => setTimeout(r, 100)); // the analysis has started in its worker
    const health = Promise.all([1, 2, 3].map(() => fetch(`${base}/api/health`).then((r) => r.json()))).then((bodies) => {
      expect(bodies).toEqual([{ status: 'ok' }, { status: 'ok' }, { status: 'ok' }]);
      order.push('health');
    });
    await Promise.all([graph, health]);
    expect(order).toEqual(['health', 'graph']);
  });
});
