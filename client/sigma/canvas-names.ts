/**
 * The forms a community's name takes on the canvas (labels-layer.ts), free
 * of the renderer so tests, typed apart from the client, read them too: a
 * label cut to its first parts (payloads from before the server's canvas
 * labels), and the shorter forms tried where a name does not fit.
 */
/**
 * A label as the canvas drew it before the server sent canvas labels: its first part and the first item of its
 * second ("#critlib · zines" of "#critlib · zines, instruction · US"); the legend and the panel give the rest.
 */
export function canvasName(label: string): string {
  const [first, second] = label.split(' · ');
  return second ? `${first} · ${second.split(', ')[0]}` : first!;
}

/** Where a name does not fit among the others (a phone), shorter forms of it may: its first part, its first item. */
export function shorterNames(name: string): string[] {
  const first = name.split(' · ')[0]!;
  return [...new Set([name, first, first.split(', ')[0]!])];
}
