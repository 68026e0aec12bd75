import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW_STATE, decodeViewState, encodeViewState, type ViewState } from '../../shared/index.js';

describe('view state in the URL', () => {
  it('round-trips a full view', () => {
    const state: ViewState = {
      dataset: 'abc123',
      query: { seed: 2, kinds: ['reply', 'mention'], chats: ['#uklibchat', '#critlib'], minWeight: 0.5, from: '2024-01-01T00:00:00.000Z' },
      colourBy: 'sector',
      sizeBy: 'pagerank',
      hidden: ['law', 'unknown'],
      community: 3,
      selected: 'mastodon:ann@glammr.us',
      camera: { x: 0.5, y: 0.25, ratio: 0.8 },
      mode: 'table',
    };
    const params = encodeViewState(state);
    expect(params.toString()).toBe(
      'dataset=abc123&seed=2&kinds=reply%2Cmention&minWeight=0.5&chats=%23uklibchat%2C%23critlib&from=2024-01-01T00%3A00%3A00.000Z&colour=sector&size=pagerank&hide=law%2Cunknown&community=3&person=mastodon%3Aann%40glammr.us&camera=0.5%2C0.25%2C0.8&view=table',
    );
    expect(decodeViewState(new URLSearchParams(params.toString()))).toEqual(state);
  });

  it('leaves defaults out and reads junk as defaults', () => {
    expect(encodeViewState(DEFAULT_VIEW_STATE).toString()).toBe('');
    expect(decodeViewState(new URLSearchParams('colour=rainbow&size=big&camera=1,2&community=-1&view=3d&seed=abc'))).toEqual(
      DEFAULT_VIEW_STATE,
    );
  });
});
