/** The legend's heading, apart from the legend so it can be tested without the graph model. */
import { NO_COMMUNITY, type ColourBy } from '../../shared/index.js';

const TITLES = { community: 'Communities', sector: 'Sectors', region: 'Regions', chat: 'Chats' } as const;

/**
 * "Communities (6)": people with no ties have a row of their own, but they are not a community, so not counted.
 * A loose partition (one community with loose corners, as the caption says) is headed "Loose groups".
 */
export function legendTitle(by: ColourBy, categories: readonly { value: string }[], loose = false): string {
  const counted = categories.filter((c) => !(by === 'community' && Number(c.value) === NO_COMMUNITY));
  return `${by === 'community' && loose ? 'Loose groups' : TITLES[by]} (${counted.length})`;
}
