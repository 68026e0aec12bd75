/**
 * "Refine layout": ForceAtlas2 in a web worker (graphology's supervisor),
 * starting from the server's positions, stopping by itself after a few
 * seconds so the page never keeps spinning.
 */
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { AtlasGraph } from './model.js';

export interface RefineHandle {
  running(): boolean;
  stop(): void;
}

export function startRefine(graph: AtlasGraph, onStop: () => void, durationMs = 4000): RefineHandle {
  const layout = new FA2Layout(graph, {
    settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 2000 },
    getEdgeWeight: 'weight',
  });
  let running = true;
  const stop = () => {
    if (!running) return;
    running = false;
    clearTimeout(timer);
    layout.kill();
    onStop();
  };
  const timer = setTimeout(stop, durationMs);
  layout.start();
  return { running: () => running, stop };
}
