// The worker runs alone (`npm run start:worker`) with its own Nest container: what its entry module
// reaches must hold no controller, no portal page and nothing of apps/api. dependency-cruiser follows
// every import from the entry (with the tsconfig aliases), which is what Node will load.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

function modulesReachedFrom(entry: string): string[] {
  const cli = path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
  const run = spawnSync(
    process.execPath,
    [cli, entry, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const result = JSON.parse(run.stdout) as { modules: { source: string }[] };
  return result.modules.map((m) => m.source).filter((s) => /^(apps|libs|migrations)\//.test(s));
}

describe('the standalone worker', () => {
  it('loads no controller, no portal and nothing of the api app', () => {
    const reached = modulesReachedFrom('apps/worker/src/main.ts');
    expect(reached).toContain('apps/worker/src/worker.module.ts');
    expect(reached.filter((s) => /\.controller\.ts$|\/portal\/|^apps\/api\//.test(s))).toEqual([]);
  }, 120_000);
});
