/**
 * What each of a view's people's sector was read from (inference, roster or
 * edit), so a peers reason says "works in academic libraries" only when a
 * library role is stated. Reading it infers every profile's context (about
 * 4 s of CPU on M's 9.6k people), so it is read once per peers view
 * (peers-view), in an analysis process when there is one.
 */
import type { Store } from '../store/types.js';
import { mergeIdentities } from './compute-graph.js';
import { datasetContexts } from './context-overrides.js';

/** What the route knows of the view: its identity links and its graph's people. */
export interface SectorEvidenceRequest {
  links: readonly { alias: string; canonical: string }[];
  nodes: readonly string[];
}

/** Person → their sector as resolved and what it was read from, for the people whose sector has evidence. */
export type SectorReadings = Map<string, { sector: string; evidence: string }>;

export async function readSectorEvidence(store: Store, datasetId: string, request: SectorEvidenceRequest): Promise<SectorReadings> {
  const people = mergeIdentities([], await store.getPeople(datasetId), request.links).people;
  const contexts = await datasetContexts(store, datasetId, people);
  const readings: SectorReadings = new Map();
  for (const key of request.nodes) {
    const { value, evidence } = contexts.of(key).sector;
    if (evidence !== undefined) readings.set(key, { sector: value, evidence });
  }
  return readings;
}
