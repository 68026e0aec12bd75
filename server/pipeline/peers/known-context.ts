/**
 * Beyond one's context, through what is known: a peer is beyond only through
 * a known sector that differs from one's own known sector, or a known region
 * that differs from one's own known region. Unknown is not a different
 * context; when one's own field is unknown, the other field decides alone.
 */
export type ContextField = 'sector' | 'region';

export interface Context {
  sector: string;
  region: string;
}

const known = (value: string) => value !== '' && value !== 'unknown';

/** The fields one's own context is known in: those by which "beyond" can be judged. */
export function knownFields(me: Context): ContextField[] {
  return (['sector', 'region'] as const).filter((f) => known(me[f]));
}

/** The fields through which `other` is beyond `me`: both known, and different. Empty: not beyond. */
export function beyondThrough(me: Context, other: Context): ContextField[] {
  return (['sector', 'region'] as const).filter((f) => known(me[f]) && known(other[f]) && me[f] !== other[f]);
}

/** The fields both know and share: a school librarian elsewhere shares the sector. */
export function sharedFields(me: Context, other: Context): ContextField[] {
  return (['sector', 'region'] as const).filter((f) => known(me[f]) && me[f] === other[f]);
}

/** What the answer says when one's own context is partly or wholly unknown; undefined when both are known. */
export function unknownNote(me: Context): string | undefined {
  const fields = knownFields(me);
  if (fields.length === 2) return undefined;
  if (fields.length === 0)
    return 'Your sector and region are unknown, so no one can be placed beyond your context yet: set them to get suggestions.';
  return fields[0] === 'sector'
    ? 'Your region is unknown, so these are people in another sector; set your region to also meet people elsewhere.'
    : 'Your sector is unknown, so these are people in another region; set your sector to also meet people in other kinds of library.';
}
