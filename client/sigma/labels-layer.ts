/**
 * What the labels say at each zoom: zoomed out, each community's name at the
 * centre of its visible members (on a canvas of its own above the people),
 * with the few people's names that still fit; zoomed in, people's names.
 * Names are the server's canvas labels (community/canvas-label.ts): where
 * most communities share a chat, their names leave it out and it is said
 * once, in italics above them, as a map names a region over its towns.
 * Before each frame the community names and the forced labels (selected,
 * focused, searched-for people) claim their boxes, in that order of
 * priority, so sigma's label loop (labels.ts) draws around them.
 */
import type Sigma from 'sigma';
import type { AtlasNode, LoadedGraph } from '../graph/model.js';
import { canvasName, shorterNames } from './canvas-names.js';
import { overlaps, personLabelBox, reserve, type Box } from './labels.js';

export interface LabelsLayerOptions {
  loaded: LoadedGraph;
  isHidden(key: string): boolean;
  /** People whose names must show, most important first. */
  forced(): string[];
  /** Whether a person is active (selected or focused): community names then step aside. */
  quiet(): boolean;
  /** Colour of text and of the halo around it (the theme's). */
  colours(): { text: string; halo: string };
}

interface CommunityLabel {
  text: string;
  x: number;
  y: number;
  box: Box;
  /** A chat said once over the communities whose names leave it out. */
  chat?: boolean;
}

const COMMUNITY_FONT = 14;
/** Community names show while the camera is at least this share of the fitted overview's ratio. */
const ZOOMED_OUT_SHARE = 0.5;

/** Names drawn on the canvas: canvas labels, labels, or before them (payload versions 1 and 2) the main chat, numbered when shared. */
function communityNames(loaded: LoadedGraph): Map<number, string> {
  const communities = loaded.payload.attributes.meta.communities;
  const chats = communities.map((c) => c.chats[0]?.chat);
  return new Map(
    communities.map((c, i) => {
      if (c.canvasLabel) return [c.id, c.canvasLabel];
      if (c.label) return [c.id, canvasName(c.label)];
      const chat = chats[i];
      const unique = chat && chats.indexOf(chat) === chats.lastIndexOf(chat);
      return [c.id, unique ? chat : chat ? `${chat} · ${c.id + 1}` : `Community ${c.id + 1}`];
    }),
  );
}

export function attachLabelsLayer(sigma: Sigma<AtlasNode>, options: LabelsLayerOptions) {
  const canvas = sigma.createCanvas('atlasCommunityLabels', { beforeLayer: 'hovers', style: { pointerEvents: 'none' } });
  const context = canvas.getContext('2d')!;
  const names = communityNames(options.loaded);
  const omitted = new Map(
    options.loaded.payload.attributes.meta.communities.flatMap((c) => (c.canvasOmitsChat ? [[c.id, c.canvasOmitsChat]] : [])),
  );
  let overviewRatio = 1;
  let drawn: CommunityLabel[] = [];

  const labelsContext = () => sigma.getCanvases().labels?.getContext('2d');

  const plan = () => {
    const labels = labelsContext();
    if (!labels) return;
    const settings = sigma.getSettings();
    const camera = sigma.getCamera().getState();
    const at = (x: number, y: number) => sigma.graphToViewport({ x, y }, { cameraState: camera });
    const boxes: Box[] = [];
    const people: string[] = [];
    // Forced people first: the selected person's name is the one thing that must read.
    labels.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
    for (const key of options.forced()) {
      if (!options.loaded.graph.hasNode(key) || options.isHidden(key)) continue;
      const display = sigma.getNodeDisplayData(key);
      if (!display?.label) continue;
      const a = options.loaded.graph.getNodeAttributes(key);
      const v = at(a.x, a.y);
      const box = personLabelBox(labels, display.label, v.x, v.y, sigma.scaleSize(display.size), settings.labelSize);
      if (boxes.some((b) => overlaps(b, box))) continue;
      boxes.push(box);
      people.push(key);
    }
    // Then the communities, largest first, where the camera is zoomed out enough to see groups.
    drawn = [];
    if (!options.quiet() && camera.ratio >= overviewRatio * ZOOMED_OUT_SHARE) {
      const sums = new Map<number, { x: number; y: number; n: number } & Box>();
      options.loaded.graph.forEachNode((key, a) => {
        if (options.isHidden(key) || a.community < 0) return;
        const s = sums.get(a.community) ?? { x: 0, y: 0, n: 0, x0: a.x, y0: a.y, x1: a.x, y1: a.y };
        s.x += a.x;
        s.y += a.y;
        s.n++;
        [s.x0, s.y0, s.x1, s.y1] = [Math.min(s.x0, a.x), Math.min(s.y0, a.y), Math.max(s.x1, a.x), Math.max(s.y1, a.y)];
        sums.set(a.community, s);
      });
      context.font = `600 ${COMMUNITY_FONT}px ${settings.labelFont}`;
      const { width, height } = sigma.getDimensions();
      const place = (text: string, x: number, y: number, chat?: boolean) => {
        const w = context.measureText(text).width;
        const box = { x0: x - w / 2 - 4, y0: y - COMMUNITY_FONT / 2 - 4, x1: x + w / 2 + 4, y1: y + COMMUNITY_FONT / 2 + 4 };
        if (box.x0 < 0 || box.y0 < 0 || box.x1 > width || box.y1 > height) return false;
        if (boxes.some((b) => overlaps(b, box))) return false;
        boxes.push(box);
        drawn.push({ text, x, y, box, ...(chat ? { chat } : {}) });
        return true;
      };
      // The area each left-out chat's named communities cover on screen, for its one name above them.
      const areas = new Map<string, Box>();
      for (const [id, s] of [...sums].sort((p, q) => q[1].n - p[1].n)) {
        if (s.n < 3) continue;
        const name = names.get(id) ?? `Community ${id + 1}`;
        const v = at(s.x / s.n, s.y / s.n);
        if (!shorterNames(name).some((text) => place(text, v.x, v.y))) continue;
        const chat = omitted.get(id);
        if (!chat) continue;
        const a = areas.get(chat) ?? { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
        areas.set(chat, { x0: Math.min(a.x0, s.x0), y0: Math.min(a.y0, s.y0), x1: Math.max(a.x1, s.x1), y1: Math.max(a.y1, s.y1) });
      }
      // The chat the names leave out, once, just above the people of its communities (else just below): it tells
      // which communities are its; placed last, so it never hides a community's name.
      context.font = `italic ${COMMUNITY_FONT}px ${settings.labelFont}`;
      for (const [chat, a] of areas) {
        const [top, bottom] = [at(a.x0, a.y0), at(a.x1, a.y1)];
        const [y0, y1] = [Math.min(top.y, bottom.y), Math.max(top.y, bottom.y)];
        const x = (top.x + bottom.x) / 2;
        for (const y of [y0 - COMMUNITY_FONT - 6, y1 + COMMUNITY_FONT + 6]) if (place(chat, x, y, true)) break;
      }
    }
    reserve(labels, boxes, people);
  };

  const draw = () => {
    const { width, height } = sigma.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    if (sigma.getSetting('hideLabelsOnMove') && sigma.getCamera().isAnimated()) return;
    const { text, halo } = options.colours();
    context.font = `600 ${COMMUNITY_FONT}px ${sigma.getSetting('labelFont')}`;
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.lineJoin = 'round';
    context.lineWidth = 4;
    context.strokeStyle = halo;
    context.fillStyle = text;
    const font = context.font;
    for (const label of drawn) {
      context.font = label.chat ? `italic ${COMMUNITY_FONT}px ${sigma.getSetting('labelFont')}` : font;
      context.globalAlpha = label.chat ? 0.75 : 1;
      context.strokeText(label.text, label.x, label.y);
      context.fillText(label.text, label.x, label.y);
    }
    context.globalAlpha = 1;
  };

  sigma.on('beforeRender', plan);
  sigma.on('afterRender', draw);
  return {
    /** The camera ratio of the whole view, against which "zoomed out" is judged. */
    setOverviewRatio(ratio: number) {
      overviewRatio = ratio;
    },
    kill() {
      sigma.off('beforeRender', plan);
      sigma.off('afterRender', draw);
      sigma.killLayer('atlasCommunityLabels');
    },
  };
}
