/**
 * What the labels say at each zoom: zoomed out, each community's name at the
 * centre of its visible members (on a canvas of its own above the people),
 * with the few people's names that still fit; zoomed in, people's names.
 * Before each frame the community names and the forced labels (selected,
 * focused, searched-for people) claim their boxes, in that order of
 * priority, so sigma's label loop (labels.ts) draws around them.
 */
import type Sigma from 'sigma';
import type { AtlasNode, LoadedGraph } from '../graph/model.js';
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
}

const COMMUNITY_FONT = 14;
/** Community names show while the camera is at least this share of the fitted overview's ratio. */
const ZOOMED_OUT_SHARE = 0.5;

/**
 * A label as the canvas draws it: its first part and the first item of its second ("#critlib · zines" of
 * "#critlib · zines, instruction · US"), which say the most and fit among the people, even on a phone; the
 * legend and the panel give the rest.
 */
export function canvasName(label: string): string {
  const [first, second] = label.split(' · ');
  return second ? `${first} · ${second.split(', ')[0]}` : first!;
}

/** Names drawn on the canvas: labels, or before them (payload versions 1 and 2) the main chat, numbered when shared. */
function communityNames(loaded: LoadedGraph): Map<number, string> {
  const communities = loaded.payload.attributes.meta.communities;
  const chats = communities.map((c) => c.chats[0]?.chat);
  return new Map(
    communities.map((c, i) => {
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
      const sums = new Map<number, { x: number; y: number; n: number }>();
      options.loaded.graph.forEachNode((key, a) => {
        if (options.isHidden(key) || a.community < 0) return;
        const s = sums.get(a.community) ?? { x: 0, y: 0, n: 0 };
        s.x += a.x;
        s.y += a.y;
        s.n++;
        sums.set(a.community, s);
      });
      context.font = `600 ${COMMUNITY_FONT}px ${settings.labelFont}`;
      const { width, height } = sigma.getDimensions();
      for (const [id, s] of [...sums].sort((p, q) => q[1].n - p[1].n)) {
        if (s.n < 3) continue;
        const name = names.get(id) ?? `Community ${id + 1}`;
        const v = at(s.x / s.n, s.y / s.n);
        // Where the name does not fit among the others (a phone), its first part alone may: "#k12libchat".
        for (const text of new Set([name, name.split(' · ')[0]!])) {
          const w = context.measureText(text).width;
          const box = { x0: v.x - w / 2 - 4, y0: v.y - COMMUNITY_FONT / 2 - 4, x1: v.x + w / 2 + 4, y1: v.y + COMMUNITY_FONT / 2 + 4 };
          if (box.x0 < 0 || box.y0 < 0 || box.x1 > width || box.y1 > height) continue;
          if (boxes.some((b) => overlaps(b, box))) continue;
          boxes.push(box);
          drawn.push({ text, x: v.x, y: v.y, box });
          break;
        }
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
    for (const label of drawn) {
      context.strokeText(label.text, label.x, label.y);
      context.fillText(label.text, label.x, label.y);
    }
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
