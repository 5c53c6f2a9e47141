// The fault suite's one toolbox: databases of its own, the app as real processes (spawned in their
// own process group, killed with SIGKILL), polling with deadlines, memory samples and the summary.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import supertest from 'supertest';
import { checkedHttp } from '../../support/checked-http';
import type { DataSource } from 'typeorm';
import { createDataSource, migrate } from '../../../libs/db/src/data-source';
import { MIGRATIONS } from '../../../migrations';
import { TEST_SCRYPT_LOG2N } from '../../support/scrypt-cost';
export { filesUnder } from '../../support/files';

export const ROOT = path.resolve(__dirname, '../../..');
/** The shared server; scenario 5 brings its own. */
export const SHARED_PG = process.env.FAULT_PG_SERVER ?? 'postgresql://postgres@127.0.0.1:5432';

/** A round count or size from the environment (the defaults are the full run; CI passes smaller ones). */
export function flag(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name}="${raw}" must be a positive integer`);
  return value;
}

export const SUMMARY_FILE = path.join(ROOT, 'test-artifacts', 'faults-summary.txt');
export const LOG_DIR = path.join(ROOT, 'test-artifacts', 'fault-logs');

/** One line per scenario, on the terminal and in test-artifacts/faults-summary.txt for the release note. */
export function summary(scenario: string, line: string): void {
  const text = `[faults] ${scenario}: ${line}\n`;
  process.stdout.write(text);
  mkdirSync(path.dirname(SUMMARY_FILE), { recursive: true });
  appendFileSync(SUMMARY_FILE, `${new Date().toISOString()} ${text}`);
}

/** Thrown by a probe to stop waiting at once (e.g. the process being waited for has died). */
export class GiveUp extends Error {}

/** Polls `probe` until it returns something other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 15_000,
  everyMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value as T;
    } catch (err) {
      if (err instanceof GiveUp) throw err;
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`,
      );
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export const randomDelay = (maxMs: number) =>
  new Promise((r) => setTimeout(r, Math.floor(Math.random() * (maxMs + 1))));

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

// ---------------------------------------------------------------------------------------------
// Databases

export interface FaultDb {
  name: string;
  /** A pool for the spec's own queries and reconciliation. */
  ds: DataSource;
  /** The URL a process uses; its application_name tells its sessions apart in pg_stat_activity. */
  urlFor(appName: string): string;
  drop(): Promise<void>;
}

async function admin<T>(server: string, work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: `${server}/postgres` });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/** A fresh, migrated database named loket_ft_*, dropped (with its sessions) by drop(). */
export async function createFaultDb(server = SHARED_PG): Promise<FaultDb> {
  const name = `loket_ft_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await admin(server, (c) => c.query(`CREATE DATABASE ${name}`));
  const urlFor = (appName: string) => `${server}/${name}?application_name=${encodeURIComponent(appName)}`;
  const ds = await createDataSource(urlFor('fault-spec'), 8, MIGRATIONS).initialize();
  await migrate(ds);
  return {
    name,
    ds,
    urlFor,
    async drop() {
      if (ds.isInitialized) await ds.destroy().catch(() => undefined);
      await admin(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The app as processes

export interface SpawnOptions {
  kind: 'api' | 'worker';
  /** Shows in logs and as the process's application_name. */
  name: string;
  db: FaultDb;
  dataDir: string;
  port?: number;
  env?: Record<string, string>;
}

export interface AppProcess {
  readonly options: SpawnOptions;
  readonly pid: number;
  readonly url: string;
  /** Once an api process is up, every /api/v1 answer is checked against its OpenAPI document. */
  http: ReturnType<typeof supertest>;
  readonly exited: Promise<number | null>;
  alive(): boolean;
  logs(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((c) => killGroup(c, 'SIGKILL')));

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

const ENTRY = { api: 'dist/apps/main.js', worker: 'dist/apps/worker/src/main.js' };
/** The heap settings `npm start` runs with (package.json config.node_flags), so memory is measured as deployed. */
const NODE_FLAGS: string[] = (
  JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { config: { node_flags: string } }
).config.node_flags.split(' ');

/** Starts an api or worker process and resolves once it serves (api: health 200; worker: its ready line). */
export async function spawnApp(options: SpawnOptions): Promise<AppProcess> {
  const port = options.port ?? (options.kind === 'api' ? await freePort() : 0);
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    DATABASE_URL: options.db.urlFor(options.name),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOKET_DATA_DIR: options.dataDir,
    SEED_DEMO: 'false',
    RUN_WORKER: 'false',
    NODE_ENV: 'production',
    PASSWORD_SCRYPT_LOG2N: TEST_SCRYPT_LOG2N,
    ...options.env,
  };
  delete env.SMTP_URL;
  delete env.JEST_WORKER_ID;
  const child = spawn(process.execPath, [...NODE_FLAGS, ENTRY[options.kind]], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-2_000_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      // The tail of every process's output, for a failure to be read after the run.
      mkdirSync(LOG_DIR, { recursive: true });
      writeFileSync(path.join(LOG_DIR, `${options.db.name}-${options.name}-${child.pid}.log`), output);
      resolve(code);
    }),
  );
  let dead = false;
  void exited.then(() => (dead = true));
  const url = `http://127.0.0.1:${port}`;
  const proc: AppProcess = {
    options: { ...options, port },
    pid: child.pid!,
    url,
    http: supertest(url),
    exited,
    alive: () => !dead,
    logs: () => output,
    async kill(signal = 'SIGKILL') {
      if (dead) return;
      killGroup(child, signal);
      await exited;
    },
  };
  try {
    await waitFor(
      `${options.name} to start`,
      async () => {
        if (dead) throw new GiveUp(`${options.name} exited during start-up:\n${output.slice(-5000)}`);
        if (options.kind === 'worker') return output.includes('worker berjalan');
        return (await proc.http.get('/api/v1/health').timeout(2000)).status === 200;
      },
      30_000,
      50,
    );
    if (options.kind !== 'worker') proc.http = await checkedHttp(url);
  } catch (err) {
    await proc.kill();
    throw err;
  }
  return proc;
}

/** The same process again (same port, data dir and database), e.g. after a kill -9. */
export const restart = (p: AppProcess) => spawnApp(p.options);

/** Every process this spec started: for afterAll, whatever the outcome. */
export async function killAll(): Promise<void> {
  await Promise.all(
    [...running].map((c) => {
      const gone = new Promise((r) => c.once('exit', r));
      killGroup(c, 'SIGKILL');
      return gone;
    }),
  );
}

export function tempDir(label: string): string {
  return mkdtempSync(path.join(tmpdir(), `loket-fault-${label}-`));
}

export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });

/** Resident and peak resident memory of a process, in MB, from /proc. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

// ---------------------------------------------------------------------------------------------
// A PostgreSQL server of the spec's own (never the shared one), to stop and restart at will

const PG_BIN = process.env.FAULT_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const run = promisify(execFile);

export interface OwnPostgres {
  readonly url: string;
  /** pg_ctl restart: 'fast' ends sessions with an admin shutdown, 'immediate' is a crash and recovery. */
  restart(mode: 'fast' | 'immediate'): Promise<void>;
  stop(): Promise<void>;
}

/** initdb into a temp dir as the postgres OS user, trust auth, loopback only, on a free port. */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const dir = tempDir('pg');
  const data = path.join(dir, 'data');
  const port = await freePort();
  const asPostgres = (bin: string, args: string[]) =>
    run('runuser', ['-u', 'postgres', '--', path.join(PG_BIN, bin), ...args]);
  await run('chown', ['postgres:postgres', dir]);
  await asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '--no-instructions']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  const ctl = (...args: string[]) =>
    asPostgres('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-o', options, '-w', '-t', '60', ...args]);
  await ctl('start');
  return {
    url: `postgresql://postgres@127.0.0.1:${port}`,
    async restart(mode) {
      await ctl('restart', '-m', mode);
    },
    async stop() {
      await ctl('stop', '-m', 'immediate').catch(() => undefined);
      removeDir(dir);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// A spec's lifetime

export interface FaultScope {
  /** The spec's own database (valid inside tests and hooks). */
  readonly db: FaultDb;
  /** A temp directory removed after the spec. */
  dir(label: string): string;
}

/**
 * Registers beforeAll/afterAll: a fresh database (on the shared server, or on a server of the spec's
 * own) before, and after (whatever the outcome) every spawned process killed, the database dropped,
 * the own server stopped and the temp directories removed.
 */
export function faultScope(options: { ownPostgres?: boolean } = {}): FaultScope & { readonly postgres: OwnPostgres } {
  let db: FaultDb | null = null;
  let postgres: OwnPostgres | null = null;
  const dirs: string[] = [];
  beforeAll(async () => {
    if (options.ownPostgres) postgres = await startOwnPostgres();
    db = await createFaultDb(postgres?.url ?? SHARED_PG);
  });
  afterAll(async () => {
    await killAll();
    await db?.drop();
    await postgres?.stop();
    dirs.forEach(removeDir);
  });
  return {
    get postgres() {
      if (!postgres) throw new Error('this spec has no PostgreSQL of its own');
      return postgres;
    },
    get db() {
      if (!db) throw new Error('the fault database exists only inside tests');
      return db;
    },
    dir(label) {
      const dir = tempDir(label);
      dirs.push(dir);
      return dir;
    },
  };
}

/** CPU time (user + system) a process has used so far, in seconds (clock ticks of 1/100 s). */
export function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
