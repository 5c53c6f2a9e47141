/**
 * Charts as inline SVG strings, drawn on the server: no chart library, no client script. Pure
 * functions of their data. Each chart is an image with a title and a description (role="img"); the
 * page puts the same figures in a table beside it, which is the text alternative.
 */

export interface Series {
  name: string;
  /** One value per category; null where there is nothing to show (e.g. no resolved ticket that month). */
  values: Array<number | null>;
}

export interface LineChartInput {
  id: string;
  title: string;
  description: string;
  categories: string[];
  series: Series[];
  /** Top of the value axis. */
  max: number;
  unit: string;
}

export interface StackedBarInput {
  id: string;
  title: string;
  description: string;
  /** One bar per category. */
  categories: string[];
  /** The parts of every bar, left to right. */
  segments: Series[];
  /** One colour per segment (default: the palette). */
  colors?: string[];
  /** Length of a full bar (default: the longest total), e.g. 4 for a 1-4 scale. */
  max?: number;
  /** How a value is written on the bar (default: as is), e.g. with a decimal comma. */
  format?: (v: number) => string;
}

/** Dark enough for 3:1 against white (WCAG non-text contrast) and for white text on them. */
export const PALETTE = ['#0b4f8a', '#b3261e', '#1e6b3a', '#8a4b00', '#6a1b9a', '#00695c', '#4a525c', '#ad1457'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3'];
const INK = '#1b1f24';
const GRID = '#c4cad1';
const FONT = 'font-family="system-ui, sans-serif"';

export const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const num = (n: number) => String(Math.round(n * 10) / 10);

function open(input: { id: string; title: string; description: string }, width: number, height: number): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${width} ${height}" width="100%" ` +
    `aria-labelledby="${input.id}-judul ${input.id}-uraian" ${FONT} font-size="12">` +
    `<title id="${input.id}-judul">${escapeXml(input.title)}</title><desc id="${input.id}-uraian">${escapeXml(input.description)}</desc>`
  );
}

const empty = (input: { id: string; title: string; description: string }) =>
  `${open(input, 640, 60)}<text x="320" y="35" text-anchor="middle" fill="${INK}">Tidak ada data pada periode ini.</text></svg>`;

/** A line per series over the categories (e.g. months), the value axis from 0 to `max`. */
export function lineChart(input: LineChartInput): string {
  if (input.categories.length === 0 || input.series.length === 0) return empty(input);
  const [W, left, right, top, plotH] = [640, 44, 36, 12, 180];
  const legendTop = top + plotH + 36;
  const H = legendTop + input.series.length * 18 + 4;
  const step = input.categories.length > 1 ? (W - left - right) / (input.categories.length - 1) : 0;
  const x = (i: number) => (input.categories.length > 1 ? left + i * step : (W + left - right) / 2);
  const y = (v: number) => top + plotH - (Math.min(Math.max(v, 0), input.max) / input.max) * plotH;
  const parts = [open(input, W, H)];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const v = input.max * tick;
    parts.push(
      `<line x1="${left}" x2="${W - right}" y1="${num(y(v))}" y2="${num(y(v))}" stroke="${GRID}"/>`,
      `<text x="${left - 6}" y="${num(y(v) + 4)}" text-anchor="end" fill="${INK}">${num(v)}${escapeXml(input.unit)}</text>`,
    );
  }
  input.categories.forEach((c, i) =>
    parts.push(
      `<text x="${num(x(i))}" y="${top + plotH + 18}" text-anchor="middle" fill="${INK}">${escapeXml(c)}</text>`,
    ),
  );
  input.series.forEach((s, si) => {
    const color = PALETTE[si % PALETTE.length];
    const dash = DASHES[si % DASHES.length];
    // A gap (null) ends a line; the next value starts a new one.
    const runs: string[][] = [[]];
    s.values.forEach((v, i) => {
      if (v === null) runs.push([]);
      else runs[runs.length - 1].push(`${num(x(i))},${num(y(v))}`);
    });
    for (const run of runs.filter((r) => r.length > 1)) {
      parts.push(
        `<polyline class="seri" fill="none" stroke="${color}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ''} points="${run.join(' ')}"/>`,
      );
    }
    s.values.forEach((v, i) => {
      if (v !== null) parts.push(`<circle cx="${num(x(i))}" cy="${num(y(v))}" r="3.5" fill="${color}"/>`);
    });
    const ly = legendTop + si * 18;
    parts.push(
      `<line x1="${left}" x2="${left + 24}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
      `<circle cx="${left + 12}" cy="${ly}" r="3.5" fill="${color}"/>`,
      `<text x="${left + 32}" y="${ly + 4}" fill="${INK}">${escapeXml(s.name)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Horizontal bars, one per category, each split into the segments (e.g. ticket age buckets). */
export function stackedBars(input: StackedBarInput): string {
  const totals = input.categories.map((_, i) => input.segments.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = Math.max(0, input.max ?? 0, ...totals);
  if (input.categories.length === 0 || max === 0 || totals.every((v) => v === 0)) return empty(input);
  const fmt = input.format ?? String;
  const [W, labelW, right, top, barH, gap] = [640, 170, 48, 8, 22, 10];
  const legendTop = top + input.categories.length * (barH + gap) + 14;
  const H = legendTop + 22;
  const scale = (W - labelW - right) / max;
  const colors = input.colors ?? PALETTE;
  const parts = [open(input, W, H)];
  input.categories.forEach((c, i) => {
    const by = top + i * (barH + gap);
    const label = c.length > 26 ? `${c.slice(0, 25)}…` : c;
    parts.push(
      `<text x="${labelW - 8}" y="${by + barH / 2 + 4}" text-anchor="end" fill="${INK}">${escapeXml(label)}</text>`,
    );
    let bx = labelW;
    input.segments.forEach((s, si) => {
      const v = s.values[i] ?? 0;
      if (v <= 0) return;
      const w = v * scale;
      parts.push(
        `<rect class="segmen" x="${num(bx)}" y="${by}" width="${num(w)}" height="${barH}" fill="${colors[si % colors.length]}"/>`,
      );
      if (w >= 18)
        parts.push(
          `<text x="${num(bx + w / 2)}" y="${by + barH / 2 + 4}" text-anchor="middle" fill="#fff">${escapeXml(fmt(v))}</text>`,
        );
      bx += w;
    });
    parts.push(`<text x="${num(bx + 6)}" y="${by + barH / 2 + 4}" fill="${INK}">${escapeXml(fmt(totals[i]))}</text>`);
  });
  let lx = labelW;
  input.segments.forEach((s, si) => {
    parts.push(
      `<rect x="${lx}" y="${legendTop - 10}" width="12" height="12" fill="${colors[si % colors.length]}"/>`,
      `<text x="${lx + 16}" y="${legendTop}" fill="${INK}">${escapeXml(s.name)}</text>`,
    );
    lx += 24 + s.name.length * 7;
  });
  parts.push('</svg>');
  return parts.join('');
}
