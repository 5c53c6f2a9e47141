// The raw baseline: the same SQL transactions the HTTP path performs, issued straight through pg at
// the same concurrency, so the bench reports ratios that survive a noisy machine.
const { randomUUID, createHash } = require('node:crypto');
const { writeFileSync, mkdirSync, rmSync } = require('node:fs');
const path = require('node:path');

// Written by hand the way a careful implementation would: the same rows as the HTTP path writes (ticket,
// files, both clocks with their deadlines, the event, the e-mail in the outbox), the reads the job needs
// (the office's calendar, the recipient), in one transaction; none of the framework around it.
async function createTicket(c, ctx, file) {
  await c.query('BEGIN');
  // The Idempotency-Key every client sends, claimed first as the HTTP path does.
  await c.query(`INSERT INTO idempotency_keys (person_id, key, request_hash) VALUES ($1, $2, 'bench')`, [ctx.satkerUserId, `raw-${randomUUID()}`]);
  try {
    const { rows: [n] } = await c.query(
      `INSERT INTO ticket_counters (office_id, year, last_value) VALUES ($1, 2026, 1)
       ON CONFLICT (office_id, year) DO UPDATE SET last_value = ticket_counters.last_value + 1 RETURNING last_value`, [ctx.kppnId]);
    const { rows: [cal] } = await c.query(
      `SELECT c.id, c.version FROM offices o JOIN calendars c ON c.id = COALESCE(o.calendar_id, $2) WHERE o.id = $1`, [ctx.kppnId, ctx.calendarId]);
    const snapshot = JSON.stringify({ value: 'BARU', context: { assigneeId: null, correctionRounds: 0 } });
    const { rows: [t] } = await c.query(
      `INSERT INTO tickets (number, office_id, satker_id, service_code, machine_id, machine_version, status, snapshot, subject, form, filed_by)
       VALUES ($1, $2, $3, 'PERTANYAAN', 'lifecycle', 1, 'BARU', $4, 'Pertanyaan', $5, $6) RETURNING id`,
      [`B-${n.last_value}-${randomUUID()}`, ctx.kppnId, ctx.satkerId, snapshot, JSON.stringify({ perihal: 'a', uraian: 'b' }), ctx.satkerUserId]);
    if (file) {
      const sha = createHash('sha256').update(file).digest('hex');
      const key = path.join(ctx.filesDir, randomUUID());
      writeFileSync(key, file);
      await c.query(
        `INSERT INTO ticket_attachments (ticket_id, kind, original_name, content_type, size_bytes, sha256, storage_key, uploaded_by)
         VALUES ($1, 'SK_PENUNJUKAN', 'sk.pdf', 'application/pdf', $2, $3, $4, $5)`, [t.id, file.length, sha, key, ctx.satkerUserId]);
    }
    await c.query(
      `WITH k AS (INSERT INTO sla_clocks (ticket_id, office_id, kind, rule, calendar_id, calendar_version, started_at, due_at, warn_at, target_minutes)
                  SELECT $1, $2, kind, '{"kind":"WORKING_DAYS","days":2}', $3, $4, now(), now() + interval '2 days', now() + interval '1 day', 900
                    FROM unnest(ARRAY['RESPONSE', 'RESOLUTION']) kind)
       UPDATE tickets SET due_at = now() + interval '2 days' WHERE id = $1`, [t.id, ctx.kppnId, cal.id, cal.version]);
    await c.query(`INSERT INTO ticket_events (ticket_id, type, to_status, actor_id) VALUES ($1, 'FILED', 'BARU', $2)`, [t.id, ctx.satkerUserId]);
    await c.query(
      `INSERT INTO outbox (topic, recipient, payload, ticket_id)
       SELECT 'ticket.filed', p.email, jsonb_build_object('name', p.name), $1 FROM persons p WHERE p.id = $2`, [t.id, ctx.satkerUserId]);
    await c.query('COMMIT');
    return t.id;
  } catch (err) {
    await c.query('ROLLBACK');
    throw err;
  }
}

/** CLAIM (to DIPROSES) or COMPLETE (to SELESAI: the public message, both clocks stopped, the notice). */
async function transition(c, ctx, ticketId, to) {
  await c.query('BEGIN');
  try {
    const { rows: [t] } = await c.query(`SELECT status, version FROM tickets WHERE id = $1 FOR UPDATE`, [ticketId]);
    const snapshot = JSON.stringify({ value: to, context: { assigneeId: ctx.csoId, correctionRounds: 0 } });
    if (to === 'SELESAI') {
      await c.query(`INSERT INTO ticket_messages (ticket_id, author_id, visibility, body, event_type) VALUES ($1, $2, 'PUBLIC', 'Selesai.', 'COMPLETE')`, [ticketId, ctx.csoId]);
    }
    await c.query(`INSERT INTO ticket_events (ticket_id, type, from_status, to_status, actor_id) VALUES ($1, $2, $3, $4, $5)`,
      [ticketId, to === 'SELESAI' ? 'COMPLETE' : 'CLAIM', t.status, to, ctx.csoId]);
    await c.query(`UPDATE tickets SET status = $2, snapshot = $3, version = version + 1, assignee_id = $4, updated_at = now(),
                          resolved_at = CASE WHEN $2 = 'SELESAI' THEN now() END WHERE id = $1`, [ticketId, to, snapshot, ctx.csoId]);
    if (to === 'SELESAI') {
      await c.query(`UPDATE sla_clocks SET stopped_at = now(), stop_reason = 'RESOLVED', used_minutes = 10 WHERE ticket_id = $1 AND stopped_at IS NULL`, [ticketId]);
      await c.query(`UPDATE tickets SET first_response_at = COALESCE(first_response_at, now()), response_minutes = 10, response_met = true,
                            resolution_minutes = 10, resolution_met = true, due_at = NULL WHERE id = $1`, [ticketId]);
      await c.query(
        `INSERT INTO outbox (topic, recipient, payload, ticket_id)
         SELECT 'ticket.completed', p.email, jsonb_build_object('name', p.name), t.id FROM tickets t JOIN persons p ON p.id = t.filed_by WHERE t.id = $1`, [ticketId]);
    }
    await c.query('COMMIT');
  } catch (err) {
    await c.query('ROLLBACK');
    throw err;
  }
}

const NAMES = `JOIN offices o ON o.id = t.office_id JOIN satkers s ON s.id = t.satker_id LEFT JOIN persons a ON a.id = t.assignee_id`;

const queuePage = (c, ctx) => c.query(
  `SELECT t.*, o.code, o.name, s.code, s.name, a.name FROM tickets t ${NAMES}
    WHERE t.office_id = $1 AND t.status IN ('BARU', 'DIPROSES', 'MENUNGGU_PERBAIKAN', 'DIESKALASI')
    ORDER BY t.due_at ASC NULLS LAST, t.id LIMIT 51`, [ctx.kppnId]);

async function detail(c, ctx) {
  await c.query(`SELECT t.*, o.code, o.name, s.code, s.name, a.name FROM tickets t ${NAMES} WHERE t.id = $1`, [ctx.detailId]);
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
