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

export async function openPage(
  browser: Browser,
  url: string,
  options: { viewport?: { width: number; height: number }; bypassCSP?: boolean } = {},
): Promise<WatchedPage> {
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
        if (Math.abs(x.data[i]! - y.data[i]!) + Math.abs(x.data[i + 1]! - y.data[i + 1]!) + Math.abs(x.data[i + 2]! - y.data[i + 2]!) > 48)
          differ++;
      }
      return differ / (x.width * x.height);
    },
    { a64: a.toString('base64'), b64: b.toString('base64') },
  );
}

/**
 * Records where text is drawn on each 2D canvas (an init script wrapping
 * fillText; a full clearRect starts the canvas's frame anew), so a test can
 * read the boxes of the labels in the last drawn frame of sigma's label
 * layers. Boxes in CSS pixels of the canvas, from measureText and the font's
 * pixel size.
 */
export const RECORD_CANVAS_TEXT = `(() => {
  const frames = new WeakMap();
  const all = new Set();
  const proto = CanvasRenderingContext2D.prototype;
  const fill = proto.fillText;
  const clear = proto.clearRect;
  proto.clearRect = function (x, y, w, h) {
    if (x <= 0 && y <= 0 && w * (window.devicePixelRatio || 1) >= this.canvas.width - 1) frames.set(this.canvas, []);
    return clear.call(this, x, y, w, h);
  };
  proto.fillText = function (text, x, y, maxWidth) {
    const size = Number((/(\\d+(?:\\.\\d+)?)px/.exec(this.font) || [])[1] || 10);
    const width = this.measureText(text).width;
    const t = this.getTransform();
    const scale = t.a || 1;
    const left = this.textAlign === 'center' ? x - width / 2 : this.textAlign === 'right' || this.textAlign === 'end' ? x - width : x;
    const top = this.textBaseline === 'middle' ? y - size / 2 : this.textBaseline === 'top' ? y : y - size * 0.8;
    const box = { text: String(text), x0: left + t.e / scale, y0: top + t.f / scale, x1: left + width + t.e / scale, y1: top + size + t.f / scale };
    const list = frames.get(this.canvas) || [];
    list.push(box);
    frames.set(this.canvas, list);
    all.add(this.canvas);
    return fill.call(this, text, x, y, maxWidth);
  };
  window.__drawnText = (selector) => [...all].filter((c) => c.isConnected && c.matches(selector)).flatMap((c) => frames.get(c) || []);
})();`;

export interface TextBox {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The text boxes of the last frame on the canvases matching `selector`. */
export async function drawnText(page: Page, selector: string): Promise<TextBox[]> {
  return page.evaluate((s) => (window as unknown as { __drawnText(s: string): TextBox[] }).__drawnText(s), selector);
}

/** Pairs of boxes that overlap by more than a pixel each way. */
export function overlappingPairs(boxes: TextBox[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!,
        b = boxes[j]!;
      if (Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 1 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 1) out.push([a.text, b.text]);
    }
  return out;
}
