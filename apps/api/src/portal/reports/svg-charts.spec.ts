import { escapeXml, lineChart, stackedBars } from './svg-charts';

const base = { id: 'uji', title: 'Kepatuhan <per> layanan', description: 'Persentase & bulan' };
const points = (svg: string) => [...svg.matchAll(/<polyline class="seri"[^>]* points="([^"]*)"/g)].map((m) => m[1]);

describe('lineChart', () => {
  it('is an image named by its title and description, with the text escaped', () => {
    const svg = lineChart({
      ...base,
      categories: ['Jan'],
      series: [{ name: 'A "satu"', values: [50] }],
      max: 100,
      unit: '%',
    });
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="uji-judul uji-uraian"/);
    expect(svg).toContain('<title id="uji-judul">Kepatuhan &lt;per&gt; layanan</title>');
    expect(svg).toContain('<desc id="uji-uraian">Persentase &amp; bulan</desc>');
    expect(svg).toContain('A &quot;satu&quot;');
    expect(svg).not.toContain('<script');
  });

  it('puts 100% at the top and 0% at the bottom of the plot, one point per month', () => {
    const svg = lineChart({
      ...base,
      categories: ['Jan', 'Feb', 'Mar'],
      series: [{ name: 'A', values: [100, 50, 0] }],
      max: 100,
      unit: '%',
    });
    expect(points(svg)).toEqual(['44,12 324,102 604,192']);
    expect(svg.match(/<circle cx/g)).toHaveLength(4); // three points and the legend's marker
    expect(svg).toContain('>100%</text>');
    expect(svg).toContain('>Feb</text>');
  });

  it('breaks a line where a month has no value, and draws each series in its own colour', () => {
    const svg = lineChart({
      ...base,
      categories: ['1', '2', '3', '4', '5'],
      max: 100,
      unit: '%',
      series: [
        { name: 'A', values: [10, 20, null, 40, 50] },
        { name: 'B', values: [null, 90, null, null, 70] },
      ],
    });
    expect(points(svg)).toEqual(['44,174 184,156', '464,120 604,102']);
    expect(svg).toContain('stroke="#0b4f8a"');
    expect(svg).toContain('stroke="#b3261e"');
    expect(svg).toContain('stroke-dasharray="6 3"');
  });

  it('says there is nothing to show instead of drawing empty axes', () => {
    expect(lineChart({ ...base, categories: [], series: [], max: 100, unit: '%' })).toContain(
      'Tidak ada data pada periode ini.',
    );
  });
});

describe('stackedBars', () => {
  it('splits each bar into its segments in proportion, with the total after it', () => {
    const svg = stackedBars({
      ...base,
      categories: ['KPPN A', 'KPPN B'],
      segments: [
        { name: '< 1 hari', values: [2, 1] },
        { name: '> 7 hari', values: [2, 0] },
      ],
    });
    const rects = [...svg.matchAll(/<rect class="segmen" x="([\d.]+)" y="(\d+)" width="([\d.]+)"/g)].map((m) => [
      m[1],
      m[2],
      m[3],
    ]);
    // 4 tickets fill the 422 px between the labels and the margin: 105.5 px a ticket.
    expect(rects).toEqual([
      ['170', '8', '211'],
      ['381', '8', '211'],
      ['170', '40', '105.5'],
    ]);
    expect(svg).toMatch(/>4<\/text>/);
    expect(svg).toContain('&lt; 1 hari');
  });

  it('says there is nothing to show when every bar is empty', () => {
    expect(stackedBars({ ...base, categories: ['KPPN A'], segments: [{ name: 'x', values: [0] }] })).toContain(
      'Tidak ada data',
    );
  });

  it('escapes every XML special character', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
