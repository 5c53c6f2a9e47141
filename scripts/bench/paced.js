// The paced run of a read scenario: requests arriving at random (Poisson) moments at `rate` per second
// in all, as agents' clicks arrive at a busy hour, over at most `connections` keep-alive connections.
// Each latency is measured from the moment the request was due, not from when a connection was free
// to send it, so a slow answer that delays the next ones counts in theirs too (no coordinated omission).
//
// Written here rather than taken from autocannon: its rate option sends each second's requests back
// to back at the start of the second (a burst of `rate` every second), and at 50 req/s its
// coordinated-omission correction uses an expected interval of 1 ms (`Math.ceil(1 / rate)`), so a
// response of L ms is recorded L times (L, L-1, ... 1): its percentiles measured bursts weighted by
// their own length, not what an agent waits. No maintained npm load generator schedules open-loop
// arrivals (wrk2 and k6 are not npm packages).
'use strict';
const http = require('node:http');

/** A fixed-seed generator (mulberry32), so two runs send the same arrival pattern. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/**
 * Sends `request` ({ method, headers, body }) to `url` at Poisson arrivals of `rate` per second for
 * `seconds`; answers { requests, p50, p99, max, errors } in milliseconds (errors: failures and non-2xx).
 */
function paced(url, { rate, seconds, connections = 8, method = 'GET', headers = {}, body }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const next = random(2026);
  const latencies = [];
  let errors = 0;
  let outstanding = 0;
  let scheduled = false; // every arrival of the run has been sent
  const start = performance.now();
  return new Promise((resolve) => {
    const finish = () => {
      agent.destroy();
      const sorted = latencies.sort((x, y) => x - y);
      const ms = (v) => Math.round(v * 10) / 10;
      resolve({
        requests: sorted.length + errors,
        p50: ms(percentile(sorted, 50)),
        p99: ms(percentile(sorted, 99)),
        max: ms(sorted[sorted.length - 1]),
        errors,
      });
    };
    const send = (due) => {
      outstanding++;
      const done = (ok) => {
        if (ok) latencies.push(performance.now() - due);
        else errors++;
        if (--outstanding === 0 && scheduled) finish();
      };
      const req = http.request(url, { method, headers, agent }, (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode >= 200 && res.statusCode < 300));
      });
      req.on('error', () => done(false));
      req.end(body);
    };
    // Arrival times are laid out in advance; each is sent when due (the agent queues it if all connections are busy).
    let due = start;
    const schedule = () => {
      const now = performance.now();
      while (due <= now) {
        send(due);
        due += (-Math.log(1 - next()) * 1000) / rate;
      }
      if (due - start < seconds * 1000) setTimeout(schedule, Math.max(0, due - performance.now()));
      else {
        scheduled = true;
        if (outstanding === 0) finish();
      }
    };
    schedule();
  });
}

module.exports = { paced };
