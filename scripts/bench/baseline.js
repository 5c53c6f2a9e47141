// The raw baseline: the same SQL transactions the HTTP path performs, issued straight through pg at
// the same concurrency, so the bench reports ratios that survive a noisy machine.
const { randomUUID, createHash } = require('node:crypto');
const { writeFileSync, mkdirSync, rmSync } = require('node:fs');
const path = require('node:path');

async function createTicket(c, ctx, file) {
  await c.query('BEGIN');
  try {
    const { rows: [n] } = await c.query(
      `INSERT INTO ticket_counters (office_id, year, last_value) VALUES ($1, 2026, 1)
       ON CONFLICT (office_id, year) DO UPDATE SET last_value = ticket_counters.last_value + 1 RETURNING last_value`, [ctx.kppnId]);
    const snapshot = JSON.stringify({ value: 'BARU', context: { assigneeId: null, correctionRounds: 0 } });
    const { rows: [t] } = await c.query(
      `INSERT INTO tickets (number, office_id, satker_id, service_code, machine_id, machine_version, status, snapshot, subject, form, filed_by)
       VALUES ($1, $2, $3, 'PERTANYAAN', 'lifecycle', 1, 'BARU', $4, 'Pertanyaan', $5, $6) RETURNING id`,
      [`B-${randomUUID()}`, ctx.kppnId, ctx.satkerId, snapshot, JSON.stringify({ perihal: 'a', uraian: 'b' }), ctx.satkerUserId]);
    if (file) {
      const sha = createHash('sha256').update(file).digest('hex');
      const key = path.join(ctx.filesDir, randomUUID());
      writeFileSync(key, file);
      await c.query(
        `INSERT INTO ticket_attachments (ticket_id, kind, original_name, content_type, size_bytes, sha256, storage_key, uploaded_by)
         VALUES ($1, 'SK_PENUNJUKAN', 'sk.pdf', 'application/pdf', $2, $3, $4, $5)`, [t.id, file.length, sha, key, ctx.satkerUserId]);
    }
    await c.query(`INSERT INTO ticket_events (ticket_id, type, to_status, actor_id) VALUES ($1, 'FILED', 'BARU', $2)`, [t.id, ctx.satkerUserId]);
    for (const kind of ['RESPONSE', 'RESOLUTION']) {
      await c.query(
        `INSERT INTO sla_clocks (ticket_id, office_id, kind, rule, calendar_id, calendar_version, started_at, due_at)
         VALUES ($1, $2, $3, '{"kind":"WORKING_DAYS","days":2}', $4, 1, now(), now() + interval '2 days')`, [t.id, ctx.kppnId, kind, ctx.calendarId]);
    }
    await c.query(`INSERT INTO outbox (topic, recipient, payload, ticket_id) VALUES ('ticket.filed', 'x@contoh.go.id', '{}', $1)`, [t.id]);
    await c.query('COMMIT');
    return t.id;
  } catch (err) {
    await c.query('ROLLBACK');
    throw err;
  }
}

async function transition(c, ctx, ticketId, to) {
  await c.query('BEGIN');
  const { rows: [t] } = await c.query(`SELECT status, version FROM tickets WHERE id = $1 FOR UPDATE`, [ticketId]);
  await c.query(`UPDATE tickets SET status = $2, version = version + 1, assignee_id = $3, updated_at = now() WHERE id = $1`, [ticketId, to, ctx.csoId]);
  await c.query(`INSERT INTO ticket_events (ticket_id, type, from_status, to_status, actor_id) VALUES ($1, 'X', $2, $3, $4)`, [ticketId, t.status, to, ctx.csoId]);
  await c.query(`UPDATE sla_clocks SET due_at = due_at WHERE ticket_id = $1`, [ticketId]);
  await c.query('COMMIT');
}

const queuePage = (c, ctx) => c.query(
  `SELECT t.* FROM tickets t WHERE t.office_id = $1 AND t.status IN ('BARU', 'DIPROSES', 'MENUNGGU_PERBAIKAN', 'DIESKALASI')
    ORDER BY t.due_at ASC NULLS LAST, t.id LIMIT 51`, [ctx.kppnId]);

async function detail(c, ctx) {
  await c.query(`SELECT * FROM tickets WHERE id = $1`, [ctx.detailId]);
  await c.query(`SELECT * FROM ticket_messages WHERE ticket_id = $1`, [ctx.detailId]);
  await c.query(`SELECT * FROM ticket_events WHERE ticket_id = $1 ORDER BY id`, [ctx.detailId]);
  await c.query(`SELECT * FROM ticket_attachments WHERE ticket_id = $1`, [ctx.detailId]);
}

/** Runs `fn` on `connections` pooled clients for `seconds`, like autocannon does over HTTP. */
async function run(pool, connections, seconds, fn) {
  const latencies = [];
  const end = Date.now() + seconds * 1000;
  const cpu = process.cpuUsage();
  let errors = 0;
  await Promise.all(Array.from({ length: connections }, async (_, w) => {
    const client = await pool.connect();
    try {
      for (let i = 0; Date.now() < end; i++) {
        const s = process.hrtime.bigint();
        try {
          await fn(client, w, i);
        } catch {
          errors++;
        }
        latencies.push(Number(process.hrtime.bigint() - s) / 1e6);
      }
    } finally {
      client.release();
    }
  }));
  const used = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  const pick = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { requests: latencies.length, rps: latencies.length / seconds, p50: pick(0.5), p99: pick(0.99), errors,
    cpuMicrosPerRequest: (used.user + used.system) / Math.max(1, latencies.length) };
}

function tempFiles() {
  const dir = path.join(require('node:os').tmpdir(), `loket-bench-raw-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

module.exports = { createTicket, transition, queuePage, detail, run, tempFiles };
