// The embedded PostgreSQL in a process of its own, forked by startEmbeddedPostgresProcess. PGlite's
// WebAssembly memory (its shared buffers, catalogue caches and sort space) then counts against this
// process, not the API's; the API talks to it over the same loopback socket either way.
import { startEmbeddedPostgres } from './embedded';

const [dataDir, maxConnections] = process.argv.slice(2);

// Ctrl-C and a group-wide SIGTERM reach this process too, but the API must first drain its requests
// with the database still up: it sends 'stop' when it is done, and a lost parent (the IPC channel
// closing) stops it as well.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => undefined);

startEmbeddedPostgres(dataDir, Number(maxConnections)).then(
  (pg) => {
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      await pg.stop();
      process.exit(0);
    };
    process.on('message', (m) => m === 'stop' && void stop());
    process.on('disconnect', () => void stop());
    process.send!({ url: pg.url });
  },
  (err: unknown) => {
    process.send!({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    process.exit(1);
  },
);
