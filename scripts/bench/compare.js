#!/usr/bin/env node
// npm run bench:compare -- a.json b.json
// Two results of `npm run bench` side by side: per scenario the medians' req/s, p99 and HTTP/raw ratio
// of each, and how B changed against A in percent; then the report timings and RSS. Runs are only
// comparable when taken on the same machine under the same load (each file records its load average).
const { readFileSync } = require('node:fs');
const path = require('node:path');

const [fileA, fileB] = process.argv.slice(2).filter((a) => a !== '--');
if (!fileA || !fileB) {
  console.error('usage: npm run bench:compare -- a.json b.json');
  process.exit(2);
}
const load = (file) => JSON.parse(readFileSync(file, 'utf8'));
const a = load(fileA);
const b = load(fileB);

const f = (x, d = 0) => (x === null || x === undefined ? '-' : Number(x).toFixed(d));
/** B against A in percent; for latencies a negative change is the better one. */
const change = (x, y) =>
  x === null || x === undefined || y === null || y === undefined || x === 0
    ? '-'
    : `${y >= x ? '+' : ''}${(((y - x) / x) * 100).toFixed(0)}%`;
const loadOf = (r) => (r.loadAverage ? r.loadAverage.map((l) => l.toFixed(1)).join(' ') : 'not recorded');

console.log(
  `A: ${path.basename(fileA)} (${a.tickets} tickets, ${a.seconds} s, ${a.runs.length} run(s), load ${loadOf(a)})`,
);
console.log(
  `B: ${path.basename(fileB)} (${b.tickets} tickets, ${b.seconds} s, ${b.runs.length} run(s), load ${loadOf(b)})\n`,
);
console.log(
  '| scenario | A req/s | B req/s | change | A p99 ms | B p99 ms | change | A paced p99 | B paced p99 | A ratio | B ratio | A CPU µs/req | B CPU µs/req |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
const names = [...new Set([...a.median.results, ...b.median.results].map((r) => r.scenario))];
for (const name of names) {
  const x = a.median.results.find((r) => r.scenario === name);
  const y = b.median.results.find((r) => r.scenario === name);
  console.log(
    `| ${name} | ${f(x?.http.rps)} | ${f(y?.http.rps)} | ${change(x?.http.rps, y?.http.rps)} | ${f(x?.http.p99, 1)} | ${f(y?.http.p99, 1)} | ` +
      `${change(x?.http.p99, y?.http.p99)} | ${f(x?.paced?.p99, 1)} | ${f(y?.paced?.p99, 1)} | ${f(x?.ratio, 2)} | ${f(y?.ratio, 2)} | ${f(x?.http.cpuMicrosPerRequest)} | ${f(y?.http.cpuMicrosPerRequest)} |`,
  );
}
// Older files hold one national figure; newer ones a figure per scope.
const scopes = (m) => (typeof m.yearReportMs === 'number' ? { national: m.yearReportMs } : m.yearReportMs);
const ra = scopes(a.median);
const rb = scopes(b.median);
console.log('');
for (const scope of [...new Set([...Object.keys(ra), ...Object.keys(rb)])]) {
  console.log(
    `year SLA report, ${scope}: A ${f(ra[scope])} ms, B ${f(rb[scope])} ms (${change(ra[scope], rb[scope])})`,
  );
}
console.log(
  `API RSS after load: A ${f(a.median.rssMbAfterLoad)} MB, B ${f(b.median.rssMbAfterLoad)} MB (${change(a.median.rssMbAfterLoad, b.median.rssMbAfterLoad)})`,
);
