#!/usr/bin/env node
// `npm run openapi:document [file]`: writes the OpenAPI document straight from the TypeScript
// sources (compiled in memory by SWC with the same options as the tests), so `npm test` can lint it
// without a build, a database or a port. The document itself comes from apps/openapi-document.ts.
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { transformSync } = require('@swc/core');
const { projects } = require('../jest.config.js');

const root = path.resolve(__dirname, '..');
const swcOptions = projects[0].transform['^.+\\.(t|j)sx?$'][1];

const mod = Module;
const resolve = mod._resolveFilename;
mod._resolveFilename = function resolveAlias(request, ...rest) {
  const match = /^@loket\/([a-z-]+)$/.exec(request);
  return resolve.call(this, match ? path.join(root, 'libs', match[1], 'src') : request, ...rest);
};
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...swcOptions, filename });
  module._compile(code, filename);
};

require('../apps/openapi-document.ts');
