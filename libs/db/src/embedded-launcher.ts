import { fork } from 'node:child_process';
import path from 'node:path';

// Kept apart from embedded.ts, which loads PGlite: the API process only starts the child and never
// loads PGlite's WASM build or its JavaScript (about half a megabyte of source held in the heap).

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * startEmbeddedPostgres in a child process (embedded-process.ts), for `npm start`: PGlite's WASM
 * memory, hundreds of MB once the catalogue and buffers are warm, then stays out of the API's RSS.
 * stop() waits for the child to close PGlite cleanly. If the child dies on its own, the database is
 * gone as surely as if PGlite had crashed inside the API, so this process exits as it would have.
 */
export async function startEmbeddedPostgresProcess(dataDir: string, maxConnections: number): Promise<EmbeddedPostgres> {
  const child = fork(path.join(__dirname, 'embedded-process.js'), [dataDir, String(maxConnections)], {
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let stopping = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url?: string; error?: string }) =>
      m.url ? resolve(m.url) : reject(new Error(`PGlite tidak dapat dijalankan: ${m.error}`)),
    );
    child.once('exit', (code) => reject(new Error(`Proses PGlite berhenti saat mulai (kode ${code}).`)));
  });
  child.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`Proses PGlite berhenti tiba-tiba (kode ${code}, sinyal ${signal}); Loket berhenti.`);
    process.exit(1);
  });
  return {
    url,
    async stop() {
      stopping = true;
      if (child.connected) child.send('stop');
      await exited;
    },
  };
}
