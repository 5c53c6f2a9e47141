import { isIP } from 'node:net';
import path from 'node:path';

// Read and validated once at boot; a bad value stops start-up with a message naming the variable.
export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  filesDir: string;
  uploadTmpDir: string;
  dbPoolSize: number;
  sessionTtlMinutes: number;
  activationTtlHours: number;
  publicUrl: string;
  seedDemo: boolean;
  templatesDir: string;
  /** SMTP server for outgoing mail; null writes .eml files under mailDir instead. */
  smtpUrl: string | null;
  mailFrom: string;
  mailDir: string;
  /** Base delay of the outbox's exponential retry. */
  outboxRetrySeconds: number;
  /** A Chromium on the machine; null uses the one @sparticuz/chromium ships. */
  chromiumPath: string | null;
  /** Minimum Dukcapil name similarity (0-100) for self-registration. */
  dukcapilNameThreshold: number;
  runWorker: boolean;
  /** How often the worker sweeps SLA warnings and breaches. */
  slaSweepSeconds: number;
  /** 0: the dormancy sweep runs daily at 01:00 WIB; otherwise every this many seconds. */
  dormancySweepSeconds: number;
  /** log2 of scrypt's N for new password hashes: 17 (OWASP); the test suites lower it to 14 for speed. */
  passwordScryptLog2N: number;
  /** Proxies whose X-Forwarded-For is believed (addresses, CIDR ranges or loopback/linklocal/uniquelocal). */
  trustedProxies: string[];
  /** json: one JSON line per record (operators); pretty: human-readable lines (development). */
  logFormat: 'json' | 'pretty';
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  /** On SIGTERM, how long in-flight requests may take before the process exits anyway. */
  shutdownGraceSeconds: number;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, fallback: T, allowed: readonly T[]): T {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new Error(`Konfigurasi ${name}="${raw}" tidak valid: gunakan salah satu dari ${allowed.join(', ')}.`);
  }
  return raw as T;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`Konfigurasi ${name}="${raw}" tidak valid: harus bilangan bulat ${min}..${max}.`);
  }
  return value;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new Error(`Konfigurasi ${name}="${raw}" tidak valid: gunakan true atau false.`);
}

/** What Express's `trust proxy` understands, checked here so a typo stops start-up instead of trusting nobody. */
function proxies(raw: string | undefined): string[] {
  const entries = (raw ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [ip, bits, extra] = entry.split('/');
    const family = isIP(ip);
    const named = ['loopback', 'linklocal', 'uniquelocal'].includes(entry);
    const maskOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!named && (!family || !maskOk || extra !== undefined)) {
      throw new Error(
        `Konfigurasi TRUSTED_PROXIES berisi "${entry}" yang tidak valid: gunakan alamat IP, rentang CIDR (10.0.0.0/8) atau loopback, dipisah koma.`,
      );
    }
  }
  return entries;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (env.SMTP_URL && !/^smtps?:\/\//.test(env.SMTP_URL.trim())) {
    throw new Error('Konfigurasi SMTP_URL tidak valid: harus diawali smtp:// atau smtps://.');
  }
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('Konfigurasi DATABASE_URL tidak valid: harus diawali postgres:// atau postgresql://.');
  }
  const dataDir = path.resolve(env.LOKET_DATA_DIR || 'var');
  const port = int(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST || '127.0.0.1';
  return {
    port,
    host,
    databaseUrl,
    dataDir,
    filesDir: path.resolve(env.FILES_DIR || path.join(dataDir, 'files')),
    uploadTmpDir: path.resolve(env.UPLOAD_TMP_DIR || path.join(dataDir, 'uploads-tmp')),
    dbPoolSize: int(env, 'DB_POOL_SIZE', 10, 1, 200),
    sessionTtlMinutes: int(env, 'SESSION_TTL_MINUTES', 12 * 60, 5, 7 * 24 * 60),
    activationTtlHours: int(env, 'ACTIVATION_TTL_HOURS', 48, 1, 24 * 30),
    publicUrl: (env.PUBLIC_URL || `http://${host}:${port}`).replace(/\/$/, ''),
    seedDemo: bool(env, 'SEED_DEMO', true),
    dukcapilNameThreshold: int(env, 'DUKCAPIL_NAME_THRESHOLD', 95, 1, 100),
    templatesDir: path.resolve(env.TEMPLATES_DIR || 'templates'),
    smtpUrl: env.SMTP_URL?.trim() || null,
    mailFrom: env.MAIL_FROM || 'Loket KPPN <noreply@loket.kemenkeu.go.id>',
    mailDir: path.resolve(env.MAIL_DIR || path.join(dataDir, 'mail')),
    outboxRetrySeconds: int(env, 'OUTBOX_RETRY_SECONDS', 60, 1, 3600),
    chromiumPath: env.CHROMIUM_PATH?.trim() || null,
    runWorker: bool(env, 'RUN_WORKER', true),
    slaSweepSeconds: int(env, 'SLA_SWEEP_SECONDS', 60, 1, 3600),
    dormancySweepSeconds: int(env, 'DORMANCY_SWEEP_SECONDS', 0, 0, 86400),
    passwordScryptLog2N: int(env, 'PASSWORD_SCRYPT_LOG2N', 17, 14, 20),
    trustedProxies: proxies(env.TRUSTED_PROXIES),
    logFormat: oneOf(env, 'LOG_FORMAT', 'json', ['json', 'pretty'] as const),
    logLevel: oneOf(env, 'LOG_LEVEL', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const),
    shutdownGraceSeconds: int(env, 'SHUTDOWN_GRACE_SECONDS', 10, 0, 600),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
