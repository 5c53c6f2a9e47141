// The API under test as its own process (the heap settings of `npm start`), and the HTTP load against
// it with the process's CPU per request and RSS read from /proc.
'use strict';
const autocannon = require('autocannon');
const { readFileSync } = require('node:fs');
const { NODE_FLAGS, startApi } = require('../api-process');

/** The API under test with a pool as large as the load's connections. */
const startServer = (dataDir, port, CONNECTIONS) =>
  startApi({ dataDir, port, env: { DB_POOL_SIZE: String(CONNECTIONS) } });

const procCpuMicros = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * (1e6 / 100);
};
/**
 * Resolves once the process has used no CPU for `quietMs` (read from /proc every 20 ms), or after 5 s.
 * autocannon stops at the end of its duration without waiting for the requests it has in flight:
 * the API is still answering up to --connections of them, and a paced run started at once would
 * count that backlog in its first requests' latency.
 */
async function idle(pid, quietMs = 100) {
  const until = Date.now() + 5000;
  let last = procCpuMicros(pid);
  let quietSince = Date.now();
  while (Date.now() - quietSince < quietMs && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 20));
    const now = procCpuMicros(pid);
    if (now !== last) [last, quietSince] = [now, Date.now()];
  }
}

const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

function http(url, pid, opts, { CONNECTIONS, SECONDS }) {
  return new Promise((resolve, reject) => {
    const before = procCpuMicros(pid);
    autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...opts }, (err, r) => {
      if (err) return reject(err);
      const requests = r.requests.total;
      resolve({
        requests,
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        errors: r.errors + r.non2xx,
        cpuMicrosPerRequest: (procCpuMicros(pid) - before) / Math.max(1, requests),
        rssMb: rssMb(pid),
      });
    });
  });
}

/** The year SLA report as a supervisor of each scope sees it: median, min and max of 5 calls. */
async function reportTimes(base, json, tokens) {
  const out = {};
  for (const [scope, token] of Object.entries(tokens)) {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const s = Date.now();
      const res = await fetch(`${base}/reports/sla?from=2025-01-01&to=2026-01-01`, { headers: json(token) });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`report (${scope}) answered ${res.status}`);
      times.push(Date.now() - s);
    }
    times.sort((a, b) => a - b);
    out[scope] = { median: times[2], min: times[0], max: times[4] };
  }
  return out;
}

module.exports = { NODE_FLAGS, idle, reportTimes, rssMb, startServer, http };
