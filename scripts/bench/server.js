// The API under test as its own process (the heap settings of `npm start`), and the HTTP load against
// it with the process's CPU per request and RSS read from /proc.
'use strict';
const autocannon = require('autocannon');
const { spawn } = require('node:child_process');
const { readFileSync } = require('node:fs');
const path = require('node:path');

// The server runs with the heap settings `npm start` uses in production, and its malloc arena limit.
const NODE_FLAGS = require('../../package.json').config.node_flags.split(' ');
const MALLOC_ARENA_MAX = process.env.MALLOC_ARENA_MAX ?? '2';

const procCpuMicros = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * (1e6 / 100);
};
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

async function startServer(dataDir, port, CONNECTIONS) {
  const child = spawn('node', [...NODE_FLAGS, path.join(__dirname, '../../dist/apps/main.js')], {
    env: {
      ...process.env,
      MALLOC_ARENA_MAX,
      PORT: String(port),
      RUN_WORKER: 'false',
      SEED_DEMO: 'false',
      DB_POOL_SIZE: String(CONNECTIONS),
      LOKET_DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

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

module.exports = { NODE_FLAGS, reportTimes, rssMb, startServer, http };
