/**
 * What the pointer and keyboard point at, and a replay's clock. Kept in one
 * mutable object rather than the view store: a hover changes it on every
 * pointer move, and sigma's reducers read it on every frame, so it must cost
 * no copy and no URL write. Transitions below are the only writers.
 */
export interface Interaction {
  hovered?: string;
  /** Keyboard focus in the graph. */
  focused?: string;
  /** People matching the search box, drawn with labels. */
  matches?: Set<string>;
  /** A session replay: people appear at their first message, ties once both ends have posted; its newcomers stand out. */
  replay?: { firstPost: Map<string, number>; until: number; newcomers?: ReadonlySet<string> };
}

export function createInteraction(): Interaction {
  return {};
}
