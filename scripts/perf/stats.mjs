// Medians, ranges and formatting for the benchmark report.

export const median = (xs) => {
  const s = xs.filter((x) => x !== null && x !== undefined && Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** { med, min, max, n } of the finite values. */
export function summary(xs) {
  const s = xs.filter((x) => x !== null && x !== undefined && Number.isFinite(x));
  if (!s.length) return { med: null, min: null, max: null, n: 0 };
  return { med: median(s), min: Math.min(...s), max: Math.max(...s), n: s.length };
}

export const fmtMs = (v) => (v === null ? '—' : v >= 100 ? `${Math.round(v)}` : v >= 10 ? v.toFixed(0) : v.toFixed(1));
export const fmtKB = (v) => (v === null ? '—' : (v / 1024).toFixed(1));
export const fmtMiB = (v) => (v === null ? '—' : (v / 1048576).toFixed(2));
export const fmtCls = (v) => (v === null ? '—' : v.toFixed(3));
export const fmtInt = (v) => (v === null ? '—' : String(Math.round(v)));

/** "median (min–max)" with a formatter. */
export function cell(s, fmt) {
  if (!s || s.med === null) return '—';
  if (s.min === s.max) return fmt(s.med);
  return `${fmt(s.med)} (${fmt(s.min)}–${fmt(s.max)})`;
}

/** a / b as "1.23×", or "—". */
export function ratio(a, b) {
  if (a === null || b === null || b === 0) return a === 0 && b === 0 ? '1.00×' : '—';
  return `${(a / b).toFixed(2)}×`;
}

/** A markdown table from a header row and rows of strings. */
export function table(head, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * Runs `run(cell)` for every cell, round by round (a warm-up round, then `runs`), so
 * machine noise hits the cells alike; a failed run is logged and left out.
 * @returns {Promise<Record<string, object[]>>} each cell's measurements, by its key
 */
export async function interleaved(cells, runs, run, label = 'round') {
  const out = Object.fromEntries(cells.map((c) => [c.key, []]));
  for (let r = -1; r < runs; r++) {
    for (const c of cells) {
      try {
        const m = await run(c);
        if (r >= 0) out[c.key].push(m);
      } catch (e) {
        console.error(`${c.key}: ${String(e?.message || e).split('\n')[0]}`);
      }
    }
    console.error(`${label} ${r + 1}/${runs} done`);
  }
  return out;
}
