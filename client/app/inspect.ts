/**
 * A read-only look at what the canvas shows, for the browser tests and the
 * bench (which cannot read WebGL pixels by person): where each visible
 * person is drawn, in CSS pixels of the graph's canvas. Nothing here changes
 * the page.
 */
import type { App } from './context.js';

export interface DrawnPerson {
  key: string;
  x: number;
  y: number;
}

declare global {
  interface Window {
    __chatAtlas?: { people(): DrawnPerson[]; canvas(): { width: number; height: number }; neighbours(key: string): string[] };
  }
}

export function exposeForInspection(app: App): void {
  window.__chatAtlas = {
    people() {
      const sigma = app.renderer?.sigma;
      const { loaded } = app.explorer.get();
      if (!sigma || !loaded) return [];
      return loaded.graph
        .filterNodes((key) => !app.isHidden(key))
        .map((key) => {
          const a = loaded.graph.getNodeAttributes(key);
          return { key, ...sigma.graphToViewport({ x: a.x, y: a.y }) };
        });
    },
    canvas() {
      return app.renderer?.sigma.getDimensions() ?? { width: 0, height: 0 };
    },
    neighbours(key) {
      const { loaded } = app.explorer.get();
      return loaded?.graph.hasNode(key) ? loaded.graph.neighbors(key) : [];
    },
  };
}
