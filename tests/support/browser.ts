/**
 * Headless Debian Chromium through playwright-core, with the flags that keep
 * WebGL working here (software rendering; never --disable-software-rasterizer)
 * and keep it off the network; playwright gives each launch a new empty profile. Collects page and console errors so a test can
 * fail on any of them.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
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
    ],
  });
}

export interface WatchedPage {
  page: Page;
  errors: string[];
}

export async function openPage(browser: Browser, url: string, options: { viewport?: { width: number; height: number }; bypassCSP?: boolean } = {}): Promise<WatchedPage> {
  // bypassCSP only for tests that inject a tool (axe) into the page; the others run under the real policy.
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 800 }, bypassCSP: options.bypassCSP ?? false });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  return { page, errors };
}

/**
 * Share of an element's pixels, on a real screenshot, that differ from its
 * background: a drawn graph paints some, a blank canvas none. The PNG is
 * decoded by the browser itself to keep the tests free of image libraries.
 */
export async function paintedShare(page: Page, selector: string, background = [255, 255, 255]): Promise<number> {
  const png = await page.locator(selector).screenshot();
  return page.evaluate(
    async ({ base64, bg }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const data = ctx.getImageData(0, 0, image.width, image.height).data;
      let painted = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i]! - bg[0]!) + Math.abs(data[i + 1]! - bg[1]!) + Math.abs(data[i + 2]! - bg[2]!) > 30) painted++;
      }
      return painted / (image.width * image.height);
    },
    { base64: png.toString('base64'), bg: background },
  );
}

/** Share of pixels that differ noticeably between two PNG screenshots of the same size (decoded by the browser). */
export async function pixelDifference(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ({ a64, b64 }) => {
      const decode = async (b64s: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${b64s}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(image, 0, 0);
        return ctx.getImageData(0, 0, image.width, image.height);
      };
      const [x, y] = await Promise.all([decode(a64), decode(b64)]);
      if (x.width !== y.width || x.height !== y.height) return 1;
      let differ = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        if (Math.abs(x.data[i]! - y.data[i]!) + Math.abs(x.data[i + 1]! - y.data[i + 1]!) + Math.abs(x.data[i + 2]! - y.data[i + 2]!) > 48) differ++;
      }
      return differ / (x.width * x.height);
    },
    { a64: a.toString('base64'), b64: b.toString('base64') },
  );
}
