/**
 * How many ties the page draws at most: past this, the weakest are not
 * drawn (they stay in the data, the tables and the panels, and a hovered or
 * selected person shows all of theirs). Without a GPU each drawn tie costs
 * the browser about 10 µs a frame; a hairball of a hundred thousand gray
 * lines shows no more than its strongest thirty thousand.
 */
export const TIE_DRAW_BUDGET = 30_000;

/** The little of a graph this needs: a loaded graph, or the ties of a payload not loaded yet. */
export interface Ties {
  size: number;
  forEachEdge(callback: (key: string, attributes: { weight?: unknown }) => void): void;
}

/** The weight a tie needs to be drawn (0: all are), and how many are. */
export function tieDrawThreshold(graph: Ties, budget = TIE_DRAW_BUDGET): { minWeight: number; drawn: number } {
  if (graph.size <= budget) return { minWeight: 0, drawn: graph.size };
  const weights = new Float64Array(graph.size);
  let i = 0;
  graph.forEachEdge((_e, a) => void (weights[i++] = Number(a.weight ?? 0)));
  weights.sort();
  const minWeight = weights[weights.length - budget]!;
  // Ties equal to the threshold are all drawn, so the count can pass the budget by those.
  let drawn = 0;
  for (const w of weights) if (w >= minWeight) drawn++;
  return { minWeight, drawn };
}
