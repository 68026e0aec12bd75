/**
 * The two attacks of plugins/host-guard.ts as a browser makes them: a page on
 * another site posting an upload with a `no-cors` fetch (the browser sends
 * it; the page only cannot read the answer), and a rebound name whose page
 * then reads the API as its own origin. Chromium resolves the attacker's
 * name to 127.0.0.1, as rebinding DNS would.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetListSchema } from '../../shared/index.js';
import { CHROMIUM } from '../support/browser.js';
import { startDemoServer } from '../support/e2e-server.js';

const ATTACKER = 'rebind.attacker.example';
let atlas: Awaited<ReturnType<typeof startDemoServer>>;
let attacker: http.Server;
let attackerPort = 0;
let browser: Browser;

beforeAll(async () => {
  atlas = await startDemoServer();
  attacker = http.createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>cat pictures</title>'),
  );
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerPort = (attacker.address() as AddressInfo).port;
  // launchBrowser's flags, and the attacker's name resolving to this machine.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--host-resolver-rules=MAP ${ATTACKER} 127.0.0.1`,
    ],
  });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => attacker?.close(resolve));
  await atlas?.close();
});

const datasetNames = async () =>
  DatasetListSchema.parse(await (await fetch(`${atlas.baseUrl}/api/datasets`)).json()).datasets.map((d) => d.name);

describe('a page on another site', () => {
  it('cannot create a dataset with a no-cors form post', async () => {
    const before = await datasetNames();
    const page = await browser.newPage();
    try {
      // localhost and 127.0.0.1 are different sites to the browser.
      await page.goto(`http://localhost:${attackerPort}/`);
      const sent = await page.evaluate(async (target) => {
        const form = new FormData();
        form.append('name', 'planted by another site');
        form.append('file', new Blob(['id,author,text,time,chat\n1,mallory,hello @alice,2024-01-01T00:00:00Z,#x\n']), 'planted.csv');
        // The request is sent and handled either way; only the answer is withheld from the page (by helmet's
        // Cross-Origin-Resource-Policy, or as an opaque response).
        return fetch(`${target}/api/datasets`, { mode: 'no-cors', method: 'POST', body: form }).then(
          (res) => res.type,
          (error: Error) => error.message,
        );
      }, atlas.baseUrl);
      expect(['opaque', 'Failed to fetch']).toContain(sent);
      expect(await datasetNames()).toEqual(before);
      expect(before).not.toContain('planted by another site');
    } finally {
      await page.close();
    }
  });

  it('cannot read the API after rebinding its name to this machine', async () => {
    const port = new URL(atlas.baseUrl).port;
    const page = await browser.newPage();
    try {
      // Once the name points here, the attacker's page and this server share an origin. (Chromium also refuses a
      // page first loaded from a public address reaching loopback, Private Network Access; Firefox and Safari don't.)
      await page.goto(`http://${ATTACKER}:${port}/`);
      const read = await page.evaluate(async () => {
        const res = await fetch('/api/datasets');
        return { status: res.status, body: await res.text() };
      });
      expect(read.status).toBe(421);
      expect(JSON.parse(read.body).error.code).toBe('bad_host');
      expect(read.body).not.toContain((await datasetNames())[0]);
    } finally {
      await page.close();
    }
  });
});
