// Compiled output is plain CommonJS; this maps the `@loket/<lib>` aliases of tsconfig.json onto
// dist/libs/<lib>/src so node resolves them without a bundler. Import it first in every entry point.
import Module = require('node:module');
import path = require('node:path');

const libsRoot = path.join(__dirname, '..', 'libs');
const mod = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const original = mod._resolveFilename;
mod._resolveFilename = function resolveAlias(request: string, ...rest: unknown[]): string {
  const match = /^@loket\/([a-z-]+)$/.exec(request);
  return original.call(this, match ? path.join(libsRoot, match[1], 'src') : request, ...rest);
};
