#!/usr/bin/env node
// `npm start` builds only when a source changed since the last build, so a restart with an unchanged
// tree skips the ~40 s compile. A build stamp beside the output records when the last build finished;
// any newer file or folder (a folder's mtime changes when a file is added or removed) means rebuild.
// tsc's own --incremental would still re-read and hash every source on each start; this reads mtimes only.
'use strict';
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const SOURCES = ['apps', 'libs', 'migrations'];
const FILES = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function newest(p) {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let latest = st.mtimeMs;
  for (const entry of readdirSync(p)) {
    if (entry === 'node_modules') continue;
    latest = Math.max(latest, newest(path.join(p, entry)));
  }
  return latest;
}

const sourcesAt = Math.max(
  ...SOURCES.map((d) => newest(path.join(root, d))),
  ...FILES.map((f) => statSync(path.join(root, f)).mtimeMs),
);
const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const force = process.argv.includes('--force');
if (!force && builtAt >= sourcesAt && existsSync(path.join(root, 'dist', 'apps', 'main.js'))) {
  console.log('build: sumber tidak berubah sejak build terakhir, dilewati');
  process.exit(0);
}
const started = Date.now();
console.log('build: sumber berubah, mengompilasi...');
// Services are found by their folders (libs/services): a folder removed from the sources must not
// live on in the output, so that part of the output is written afresh.
rmSync(path.join(root, 'dist', 'libs', 'services'), { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
mkdirSync(path.dirname(stamp), { recursive: true });
writeFileSync(stamp, new Date().toISOString() + '\n');
console.log(`build: selesai dalam ${((Date.now() - started) / 1000).toFixed(1)} s`);
