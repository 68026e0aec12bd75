/**
 * Bursts: where a chat's message rate stands far above its own baseline.
 * Messages are counted in short bins; the baseline is the median bin over
 * the stretch looked at (a help channel's steady traffic, a hashtag's day of
 * retweets and stray posts). A burst starts at a bin of at least
 * `burstFactor` × baseline and runs on while bins stay above half that
 * (hysteresis), across lulls of up to `burstLullBins` quieter bins, so a
 * one-hour chat whose pace dips between questions stays one burst.
 * Linear in messages and bins.
 */

export interface BurstOptions {
  /** Width of a counting bin. */
  burstBinMinutes: number;
  /** A burst's busiest bins hold at least this many times the baseline (median) bin. */
  burstFactor: number;
  /** … and at least this many messages, however quiet the baseline (a median of 0 on a quiet channel). */
  burstMinBinMessages: number;
  /** Fewest messages and bins a burst needs (a pasted log is not a meeting). */
  burstMinMessages: number;
  burstMinBins: number;
  /** Quieter bins a burst carries on across. */
  burstLullBins: number;
}

export const DEFAULT_BURST_OPTIONS: BurstOptions = {
  burstBinMinutes: 10,
  burstFactor: 6,
  burstMinBinMessages: 6,
  burstMinMessages: 20,
  burstMinBins: 3,
  burstLullBins: 1,
};

/** Bursts among `times[from … to)` (ms, ascending), as position ranges `[first, last]`. */
export function findBursts(
  times: Float64Array,
  from: number,
  to: number,
  options: BurstOptions = DEFAULT_BURST_OPTIONS,
): [number, number][] {
  if (to - from < options.burstMinMessages) return [];
  const binMs = options.burstBinMinutes * 60_000;
  const origin = times[from]!;
  const bins = Math.floor((times[to - 1]! - origin) / binMs) + 1;
  const counts = new Uint32Array(bins);
  for (let i = from; i < to; i++) counts[Math.floor((times[i]! - origin) / binMs)]!++;
  const baseline = median(counts);
  const high = Math.max(options.burstFactor * baseline, options.burstMinBinMessages);
  const low = high / 2;

  // Runs of bins above `low` that reach `high` somewhere, joined across short lulls.
  const runs: [number, number][] = [];
  let b = 0;
  while (b < bins) {
    if (counts[b]! < low) {
      b++;
      continue;
    }
    let end = b;
    let peak = 0;
    while (end < bins && counts[end]! >= low) peak = Math.max(peak, counts[end++]!);
    if (peak >= high) {
      const last = runs[runs.length - 1];
      if (last && b - last[1] - 1 <= options.burstLullBins) last[1] = end - 1;
      else runs.push([b, end - 1]);
    }
    b = end;
  }

  const bursts: [number, number][] = [];
  let i = from;
  for (const [firstBin, lastBin] of runs) {
    if (lastBin - firstBin + 1 < options.burstMinBins) continue;
    while (i < to && times[i]! < origin + firstBin * binMs) i++;
    let j = i;
    while (j < to && times[j]! < origin + (lastBin + 1) * binMs) j++;
    if (j - i >= options.burstMinMessages) bursts.push([i, j - 1]);
    i = j;
  }
  return bursts;
}

/** Median of small counts, by their histogram (no sort). */
function median(counts: Uint32Array): number {
  let max = 0;
  for (const c of counts) if (c > max) max = c;
  const histogram = new Uint32Array(max + 1);
  for (const c of counts) histogram[c]!++;
  const half = counts.length / 2;
  let seen = 0;
  for (let c = 0; c <= max; c++) {
    seen += histogram[c]!;
    if (seen >= half) return c;
  }
  return max;
}
