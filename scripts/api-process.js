// The API as its own process, started as `npm start` starts it (package.json's node flags and malloc
// settings) with no worker and no demo data, for the timing scripts (bench, import timing).
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');

const NODE_FLAGS = require('../package.json').config.node_flags.split(' ');
const MALLOC_ARENA_MAX = process.env.MALLOC_ARENA_MAX ?? '2';
const MALLOC_MMAP_THRESHOLD_ = process.env.MALLOC_MMAP_THRESHOLD_ ?? '16384';

/** Starts dist/apps/main.js on `port` and answers the child once /api/v1/health does. */
async function startApi({ dataDir, port, env = {}, stdio = ['ignore', 'ignore', 'ignore'] }) {
  const child = spawn('node', [...NODE_FLAGS, path.join(__dirname, '../dist/apps/main.js')], {
    env: {
      ...process.env,
      MALLOC_ARENA_MAX,
      MALLOC_MMAP_THRESHOLD_,
      PORT: String(port),
      RUN_WORKER: 'false',
      SEED_DEMO: 'false',
      LOKET_DATA_DIR: dataDir,
      ...env,
    },
    stdio,
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

module.exports = { NODE_FLAGS, startApi };
