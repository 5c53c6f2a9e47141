import { Pool } from 'pg';

// Many pooled clients sending parameterised queries at once to the one PGlite session (the suites'
// database when DATABASE_URL is unset, started by the global setup outside jest's VM, which cannot load
// PGlite's WASM; .ci/run runs this spec that way). Without libs/db's ProtocolQueue, one client's Parse
// meets another's Bind and the answer is "bind message supplies N parameters, but prepared statement
// requires M" (or, worse, a bind to the wrong statement). On PostgreSQL the same checks simply hold.
describe('the embedded database under concurrent pooled clients (ProtocolQueue)', () => {
  let pool: Pool;

  beforeAll(() => {
    pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 16 });
  });
  afterAll(() => pool.end());

  it('answers 600 parameterised queries of different shapes from 16 connections, each with its own result', async () => {
    const shapes = [
      (i: number) => pool.query('SELECT $1::int AS a', [i]).then((r) => expect(r.rows[0]).toEqual({ a: i })),
      (i: number) =>
        pool
          .query('SELECT $1::int AS a, $2::text AS b', [i, `t${i}`])
          .then((r) => expect(r.rows[0]).toEqual({ a: i, b: `t${i}` })),
      (i: number) =>
        pool
          .query('SELECT $1::int + $2::int + $3::int AS s', [i, 1, 2])
          .then((r) => expect(r.rows[0]).toEqual({ s: i + 3 })),
    ];
    await Promise.all(Array.from({ length: 600 }, (_, i) => shapes[i % 3](i)));
  });

  it('keeps each transaction to its own connection while others query', async () => {
    const table = `queue_spec_${process.pid}_${Date.now()}`;
    await pool.query(`CREATE TABLE ${table} (n int)`);
    const tx = async (n: number) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`INSERT INTO ${table} (n) VALUES ($1), ($2)`, [n, n]);
        const { rows } = await client.query(`SELECT count(*)::int AS c FROM ${table} WHERE n = $1`, [n]);
        expect(rows[0].c).toBe(2);
        await client.query(n % 2 ? 'COMMIT' : 'ROLLBACK');
      } finally {
        client.release();
      }
    };
    await Promise.all(Array.from({ length: 40 }, (_, n) => tx(n)));
    const { rows } = await pool.query(`SELECT count(*)::int AS c FROM ${table}`);
    expect(rows[0].c).toBe(40);
    await pool.query(`DROP TABLE ${table}`);
  });
});
