import { describe, expect, it } from 'vitest';
import { NO_COMMUNITY } from '../../shared/index.js';
import { legendTitle } from '../../client/ui/legend-title.js';

describe('the legend title', () => {
  it('counts communities, not the row of people with no ties', () => {
    const rows = [{ value: '0' }, { value: '1' }, { value: String(NO_COMMUNITY) }];
    expect(legendTitle('community', rows)).toBe('Communities (2)');
    expect(legendTitle('chat', [{ value: '#a' }, { value: '#b' }])).toBe('Chats (2)');
  });

  it('calls the groups of a loose partition what the caption calls them', () => {
    const rows = [{ value: '0' }, { value: '1' }, { value: '2' }];
    expect(legendTitle('community', rows, true)).toBe('Loose groups (3)');
    expect(legendTitle('sector', [{ value: 'academic' }], true)).toBe('Sectors (1)');
  });
});
