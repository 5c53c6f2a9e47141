// The raw baseline: the same SQL transactions the HTTP path performs, issued straight through pg at
// the same concurrency, so the bench reports ratios that survive a noisy machine.
const { randomUUID, createHash } = require('node:crypto');
const { writeFileSync, mkdirSync, rmSync } = require('node:fs');
const path = require('node:path');

// Written by hand the way a careful implementation would: the same rows as the HTTP path writes (the
// idempotency key, ticket, files, both clocks with their deadlines, the event, the e-mail in the
// outbox) with the same design: the number from the office's per-year sequence, the reads the job
// needs (number and recipient; the office's calendar), then one statement of data-modifying CTEs, in
// one transaction; none of the framework around it.
async function createTicket(c, ctx, file) {
  await c.query('BEGIN');
  try {
    const {
      rows: [n],
    } = await c.query(
      `SELECT new_ticket_number(o.id) AS number, p.name, p.email FROM offices o, persons p WHERE o.id = $1 AND p.id = $2`,
      [ctx.kppnId, ctx.satkerUserId],
    );
    const {
      rows: [cal],
    } = await c.query(
      `SELECT c.id, c.version FROM offices o JOIN calendars c ON c.id = COALESCE(o.calendar_id, $2) WHERE o.id = $1`,
      [ctx.kppnId, ctx.calendarId],
    );
    let key = null;
    let sha = null;
    if (file) {
      sha = createHash('sha256').update(file).digest('hex');
      key = path.join(ctx.filesDir, randomUUID());
      writeFileSync(key, file);
    }
    const id = randomUUID();
    const snapshot = JSON.stringify({ value: 'BARU', context: { assigneeId: null, correctionRounds: 0 } });
    await c.query(
      `WITH k AS (INSERT INTO idempotency_keys (person_id, key, request_hash, ticket_id) VALUES ($6, $7, 'bench', $1) ON CONFLICT DO NOTHING RETURNING 1),
            t AS (INSERT INTO tickets (id, number, office_id, satker_id, service_code, machine_id, machine_version, status, snapshot, subject, form, filed_by, due_at)
                  SELECT $1, $2, $3, $4, 'PERTANYAAN', 'lifecycle', 1, 'BARU', $5, 'Pertanyaan', '{"perihal":"a","uraian":"b"}', $6, now() + interval '2 days' FROM k
                  RETURNING id),
            f AS (INSERT INTO ticket_attachments (ticket_id, kind, original_name, content_type, size_bytes, sha256, storage_key, uploaded_by)
                  SELECT t.id, 'SK_PENUNJUKAN', 'sk.pdf', 'application/pdf', $10, $11, $12, $6 FROM t WHERE $12::text IS NOT NULL),
            c AS (INSERT INTO sla_clocks (ticket_id, office_id, kind, rule, calendar_id, calendar_version, started_at, due_at, warn_at, target_minutes)
                  SELECT t.id, $3, kind, '{"kind":"WORKING_DAYS","days":2}', $8, $9, now(), now() + interval '2 days', now() + interval '1 day', 900
                    FROM t, unnest(ARRAY['RESPONSE', 'RESOLUTION']) kind),
            e AS (INSERT INTO ticket_events (ticket_id, type, to_status, actor_id) SELECT t.id, 'FILED', 'BARU', $6 FROM t)
       INSERT INTO outbox (topic, recipient, payload, ticket_id) SELECT 'ticket.filed', $13, jsonb_build_object('name', $14::text), t.id FROM t`,
      [
        id,
        n.number,
        ctx.kppnId,
        ctx.satkerId,
        snapshot,
        ctx.satkerUserId,
        `raw-${randomUUID()}`,
        cal.id,
        cal.version,
        file ? file.length : null,
        sha,
        key,
        n.email,
        n.name,
      ],
    );
    await c.query('COMMIT');
    return id;
  } catch (err) {
    await c.query('ROLLBACK');
    throw err;
  }
}

/** CLAIM (to DIPROSES) or COMPLETE (to SELESAI: the public message, both clocks stopped, the notice). */
async function transition(c, ctx, ticketId, to) {
  await c.query('BEGIN');
  try {
    const {
      rows: [t],
    } = await c.query(`SELECT status, version FROM tickets WHERE id = $1 FOR UPDATE`, [ticketId]);
    const snapshot = JSON.stringify({ value: to, context: { assigneeId: ctx.csoId, correctionRounds: 0 } });
    if (to === 'SELESAI') {
      await c.query(
        `INSERT INTO ticket_messages (ticket_id, author_id, visibility, body, event_type) VALUES ($1, $2, 'PUBLIC', 'Selesai.', 'COMPLETE')`,
        [ticketId, ctx.csoId],
      );
    }
    await c.query(
      `INSERT INTO ticket_events (ticket_id, type, from_status, to_status, actor_id) VALUES ($1, $2, $3, $4, $5)`,
      [ticketId, to === 'SELESAI' ? 'COMPLETE' : 'CLAIM', t.status, to, ctx.csoId],
    );
    await c.query(
      `UPDATE tickets SET status = $2, snapshot = $3, version = version + 1, assignee_id = $4, updated_at = now(),
                          resolved_at = CASE WHEN $2 = 'SELESAI' THEN now() END WHERE id = $1`,
      [ticketId, to, snapshot, ctx.csoId],
    );
    if (to === 'SELESAI') {
      await c.query(
        `UPDATE sla_clocks SET stopped_at = now(), stop_reason = 'RESOLVED', used_minutes = 10 WHERE ticket_id = $1 AND stopped_at IS NULL`,
        [ticketId],
      );
      await c.query(
        `UPDATE tickets SET first_response_at = COALESCE(first_response_at, now()), response_minutes = 10, response_met = true,
                            resolution_minutes = 10, resolution_met = true, due_at = NULL WHERE id = $1`,
        [ticketId],
      );
      await c.query(
        `INSERT INTO outbox (topic, recipient, payload, ticket_id)
         SELECT 'ticket.completed', p.email, jsonb_build_object('name', p.name), t.id FROM tickets t JOIN persons p ON p.id = t.filed_by WHERE t.id = $1`,
        [ticketId],
      );
    }
    await c.query('COMMIT');
  } catch (err) {
    await c.query('ROLLBACK');
    throw err;
  }
}

const NAMES = `JOIN offices o ON o.id = t.office_id JOIN satkers s ON s.id = t.satker_id LEFT JOIN persons a ON a.id = t.assignee_id`;

const queuePage = (c, ctx) =>
  c.query(
    `SELECT t.*, o.code, o.name, s.code, s.name, a.name FROM tickets t ${NAMES}
    WHERE t.office_id = $1 AND t.status IN ('BARU', 'DIPROSES', 'MENUNGGU_PERBAIKAN', 'DIESKALASI')
    ORDER BY t.due_at ASC NULLS LAST, t.id LIMIT 51`,
    [ctx.kppnId],
  );

async function detail(c, ctx) {
  await c.query(`SELECT t.*, o.code, o.name, s.code, s.name, a.name FROM tickets t ${NAMES} WHERE t.id = $1`, [
    ctx.detail.id,
  ]);
  await c.query(`SELECT * FROM ticket_messages WHERE ticket_id = $1`, [ctx.detail.id]);
  await c.query(`SELECT * FROM ticket_events WHERE ticket_id = $1 ORDER BY id`, [ctx.detail.id]);
  await c.query(`SELECT * FROM ticket_attachments WHERE ticket_id = $1`, [ctx.detail.id]);
}

/** Runs `fn` on `connections` pooled clients for `seconds`, like autocannon does over HTTP. */
async function run(pool, connections, seconds, fn) {
  const latencies = [];
  const end = Date.now() + seconds * 1000;
  const cpu = process.cpuUsage();
  let errors = 0;
  await Promise.all(
    Array.from({ length: connections }, async (_, w) => {
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
    }),
  );
  const used = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  const pick = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return {
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: pick(0.5),
    p99: pick(0.99),
    errors,
    cpuMicrosPerRequest: (used.user + used.system) / Math.max(1, latencies.length),
  };
}

function tempFiles() {
  const dir = path.join(require('node:os').tmpdir(), `loket-bench-raw-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

module.exports = { createTicket, transition, queuePage, detail, run, tempFiles };
