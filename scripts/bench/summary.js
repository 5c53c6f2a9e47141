'use strict';
// The medians of several bench runs and the table printed from them.
const os = require('node:os');

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

/** Per scenario, the median of each figure over the runs (ratio: of the runs' ratios). */
function medianOf(runs) {
  const pick = (r, side, k) => r[side]?.[k];
  const results = runs[0].results.map((first, i) => {
    const each = runs.map((run) => run.results[i]);
    const side = (name) =>
      first[name]
        ? Object.fromEntries(
            ['rps', 'p50', 'p99', 'cpuMicrosPerRequest', 'rssMb', 'errors'].map((k) => [
              k,
              median(each.map((r) => pick(r, name, k))),
            ]),
          )
        : null;
    return {
      scenario: first.scenario,
      http: side('http'),
      raw: side('raw'),
      ratio: first.raw ? median(each.map((r) => r.ratio)) : null,
      paced: first.paced
        ? Object.fromEntries(['rate', 'p50', 'p99', 'errors'].map((k) => [k, median(each.map((r) => r.paced[k]))]))
        : null,
    };
  });
  const yearReportMs = Object.fromEntries(
    Object.keys(runs[0].yearReportMs).map((scope) => [scope, median(runs.map((r) => r.yearReportMs[scope].median))]),
  );
  return { results, yearReportMs, rssMbAfterLoad: median(runs.map((r) => r.rssMbAfterLoad)) };
}

function printTable(m, runCount, { tickets, connections, seconds, pace }) {
  const f = (x, d = 0) => (x === null || x === undefined ? '-' : Number(x).toFixed(d));
  console.log(
    `\nmedians of ${runCount} run(s), ${tickets} tickets, ${connections} connections, ${seconds} s per scenario, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `| scenario | http req/s | raw req/s | ratio | http p50 ms | http p99 ms | raw p99 ms | p50 / p99 ms at ${pace} req/s | server CPU µs/req | API RSS MB | http non-2xx |`,
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const x of m.results) {
    console.log(
      `| ${x.scenario} | ${f(x.http.rps)} | ${f(x.raw?.rps)} | ${f(x.ratio, 2)} | ${f(x.http.p50, 1)} | ${f(x.http.p99, 1)} | ${f(x.raw?.p99, 1)} | ${x.paced ? `${f(x.paced.p50, 1)} / ${f(x.paced.p99, 1)}` : '-'} | ${f(x.http.cpuMicrosPerRequest)} | ${f(x.http.rssMb)} | ${x.http.errors + (x.paced?.errors ?? 0)} |`,
    );
  }
  const report = Object.entries(m.yearReportMs)
    .map(([scope, ms]) => `${scope} ${ms} ms`)
    .join(', ');
  console.log(`\nyear SLA report: ${report}; API RSS after load ${f(m.rssMbAfterLoad)} MB`);
}

module.exports = { median, medianOf, printTable };
