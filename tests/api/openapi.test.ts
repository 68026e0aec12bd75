/** The OpenAPI description says what each route really answers: the export routes, a media type per format. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => (t = await buildTestApp()));
afterAll(async () => t.close());

describe('the OpenAPI description', () => {
  it('declares each export format with its own media type, JSON alone as the GraphPayload', async () => {
    const spec = (await t.app.inject('/docs/json')).json();
    for (const path of ['/api/datasets/{id}/export', '/api/snapshots/{id}/export']) {
      const content = spec.paths[path].get.responses['200'].content;
      expect(Object.keys(content).sort(), path).toEqual([
        'application/gexf+xml',
        'application/graphml+xml',
        'application/json',
        'image/svg+xml',
        'text/csv',
      ]);
      expect(content['application/json'].schema.properties.nodes.type, path).toBe('array');
      expect(content['application/gexf+xml'].schema.type, path).toBe('string');
    }
  });
});
