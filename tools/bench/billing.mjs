// The `billing` suite: invoicing and payment throughput, then the cash reports, the invoice list
// and the invoice PDF over a year of history.
//
// Set-up, through the API: clinic in America/Lima, soles with IGV (18 %) included in prices; two
// locations; a 150.00 treatment; four doctors; three receptionists (three cashiers at two
// locations: six drawers); an admin, who makes every report request. 5,000 patients in one SQL
// statement.
//
// Invoicing: 10 concurrent receptionists each draft an invoice with two lines (the treatment and a
// free 25.00 line) and issue it, back to back, for a warm-up and a measured run. Afterwards SQL
// checks that the series holds exactly the numbers 1…n, one per answered issue, none twice, no
// draft left, and its counter at n + 1.
//
// Payments: 10 concurrent partial payments of 5.00 on those invoices (round robin, so no two in
// flight share an invoice), four methods. Afterwards SQL checks Σ payments = Σ invoices.paid, per
// invoice too, and that each payment has its own income entry in the cash register.
//
// Reports: set-based SQL loads, over the 12 calendar months before this one, 50,000 invoices of
// series B001 (drafts with two lines, then issued in time order with consecutive numbers; some
// void, some partly or fully paid, each payment with its cash entry) and hand-entered entries up
// to 200,000 cash entries in all over the six drawers (the trigger sets each business day), closes
// every drawer-day, and runs ANALYZE. Then each report, three invoice-list queries and one PDF are
// measured with 1 connection, then with 10 (for long enough to collect about 30 answers).
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { forEachConcurrently, login, measure, request } from './client.mjs';
import { formatTable, percentile } from './report.mjs';

const TIME_ZONE = 'America/Lima';
const CONCURRENCY = 10;
/** Size of the history (BENCH_CASH_ENTRIES and BENCH_INVOICES override them, e.g. for a quick run). */
const CASH_ENTRIES = Number(process.env.BENCH_CASH_ENTRIES ?? 200_000);
const HISTORY_INVOICES = Number(process.env.BENCH_INVOICES ?? 50_000);
const PATIENTS = 5_000;
const DOCTORS = 4;
const CASHIERS = 3;
const TREATMENT_PRICE = '150.00';
const FREE_LINE_PRICE = '25.00';
const PAYMENT_AMOUNT = '5.00';
const METHODS = ['cash', 'card', 'transfer', 'yape_plin', 'insurer'];

/** Targets the figures are read against. */
export const TARGETS = { issueP95Ms: 100, monthlyP95Ms: 300, pdfP95Ms: 200 };

const ADMIN_EMAIL = 'bench-admin@consultorio.test';
const ADMIN_LOGIN = 'bench-admin';
const ADMIN_PASSWORD = `Bench-${randomBytes(9).toString('base64url')}-admin`;

/** Server settings for this suite: an empty clinic (no demo data) with one superadmin. */
export const billingServerEnv = {
  SEED_DEMO: 'false',
  INITIAL_SUPERADMIN_EMAIL: ADMIN_EMAIL,
  INITIAL_SUPERADMIN_PASSWORD: ADMIN_PASSWORD,
};

/** Seconds per report scenario and connection count: a third of `--duration`, at least 2. */
const reportSeconds = (duration) => Math.max(2, Math.round(duration / 3));
const REPORT_SCENARIOS = 9;
/** The longest window with 10 connections (for a request that takes seconds under load). */
const MAX_LOADED_SECONDS = 10;

/** Hard bound on the suite, in seconds: set-up and bulk load, two timed runs, 18 report runs. */
export const billingTimeLimit = ({ duration, warmup }) =>
  180 + 2 * (warmup + duration) + REPORT_SCENARIOS * (reportSeconds(duration) + 1 + MAX_LOADED_SECONDS);

const round = (value, digits = 1) => Number(value.toFixed(digits));
const elapsedMs = (since) => Number(process.hrtime.bigint() - since) / 1e6;

/** Creates the clinic through the API, and its patients with SQL; returns ids and tokens. */
async function setUpClinic(baseUrl, db, log) {
  const suffix = randomBytes(3).toString('hex');
  const superadmin = await login(baseUrl, ADMIN_LOGIN, ADMIN_PASSWORD);
  const post = (path, body) => request(baseUrl, 'POST', path, { token: superadmin, body });
  await request(baseUrl, 'PUT', '/api/v1/settings', {
    token: superadmin,
    body: {
      name: 'Clínica Bench',
      timeZone: TIME_ZONE,
      currency: 'PEN',
      locale: 'es-PE',
      taxRate: '0.18',
      pricesIncludeTax: true,
    },
  });
  const specialtyId = (await post('/api/v1/specialties', { name: `Medicina general ${suffix}` })).id;
  const locationIds = [];
  for (const name of ['Miraflores', 'San Isidro']) {
    locationIds.push(
      (await post('/api/v1/locations', { name: `${name} ${suffix}`, address: 'Av. Arequipa 100' })).id,
    );
  }
  const treatmentName = `Consulta ${suffix}`;
  const treatmentId = (
    await post('/api/v1/treatments', {
      name: treatmentName,
      specialtyId,
      durationMinutes: 30,
      price: TREATMENT_PRICE,
    })
  ).id;
  const user = (role, i) => ({
    email: `bench-${role}-${i}-${suffix}@consultorio.test`,
    username: `bench-${role}-${i}-${suffix}`,
    fullName: `Bench ${role} ${i}`,
    role,
    password: `bench-password-${i}-${suffix}`,
  });
  const accounts = [
    user('admin', 0),
    ...Array.from({ length: CASHIERS }, (_, i) => user('receptionist', i)),
    ...Array.from({ length: DOCTORS }, (_, i) => user('doctor', i)),
  ];
  const ids = new Map();
  // Two at a time: each account hashes a password.
  await forEachConcurrently(accounts, 2, async (account) => {
    ids.set(account.username, (await post('/api/v1/users', account)).id);
  });
  const doctorIds = [];
  for (const [i, account] of accounts.filter((candidate) => candidate.role === 'doctor').entries()) {
    doctorIds[i] = (
      await post('/api/v1/doctors', {
        userId: ids.get(account.username),
        licenseNumber: `CMP-${suffix}-${i}`,
        specialtyIds: [specialtyId],
        locationIds,
        color: '#1e88e5',
      })
    ).id;
  }
  const cashiers = [];
  for (const account of accounts.filter((candidate) => candidate.role === 'receptionist')) {
    cashiers.push({
      id: ids.get(account.username),
      token: await login(baseUrl, account.username, account.password),
    });
  }
  const admin = {
    id: ids.get(accounts[0].username),
    token: await login(baseUrl, accounts[0].username, accounts[0].password),
  };

  const { rows: patients } = await db.query(
    `INSERT INTO patients (first_names, last_names, document_type, document_number)
     SELECT (ARRAY['María', 'José', 'Rosa', 'Luis', 'Carmen', 'Jorge', 'Ana', 'Juan'])[1 + n % 8],
            (ARRAY['Quispe', 'Flores', 'Huamán', 'Rojas', 'Mendoza', 'Vargas', 'Castillo', 'Torres', 'Ramos', 'Chávez'])[1 + n % 10]
              || ' ' || (ARRAY['García', 'Sánchez', 'Díaz', 'Cruz', 'Pérez', 'Gómez', 'Reyes'])[1 + n % 7],
            'dni', lpad((40000000 + n)::text, 8, '0')
       FROM generate_series(1, $1::int) n
     RETURNING id`,
    [PATIENTS],
  );
  await db.query('ANALYZE patients');
  log(`clinic set up: ${doctorIds.length} doctors, ${cashiers.length} cashiers, ${patients.length} patients`);
  return {
    locationIds,
    treatmentId,
    treatmentName,
    doctorIds,
    cashiers,
    admin,
    patientIds: patients.map((row) => row.id),
  };
}

/** One JSON request on a keep-alive agent; resolves with the status, the time and the parsed body. */
function send(agent, method, url, token, body) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const req = http.request(
      url,
      {
        method,
        agent,
        timeout: 10_000,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let parsed;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            parsed = text;
          }
          resolve({ status: res.statusCode, ms: elapsedMs(started), body: parsed, text });
        });
        res.on('error', (error) => resolve({ status: 0, ms: elapsedMs(started), text: error.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ status: 0, ms: elapsedMs(started), text: error.message }));
    req.end(payload);
  });
}

/** A summary row (as report.mjs makes for autocannon) from latencies collected here. */
function timedRow({ scenario, title, latencies, succeeded, errors, seconds }) {
  const sorted = Float64Array.from(latencies).sort();
  return {
    scenario,
    request: title,
    connections: CONCURRENCY,
    durationSeconds: round(seconds, 2),
    requests: latencies.length,
    requestsPerSecond: round(succeeded / seconds),
    latencyMs: {
      p50: round(percentile(sorted, 50), 2),
      p95: round(percentile(sorted, 95), 2),
      p99: round(percentile(sorted, 99), 2),
      max: round(sorted.length ? sorted[sorted.length - 1] : 0, 2),
    },
    errors,
    timeouts: 0,
    mismatches: 0,
    non2xx: latencies.length - succeeded - errors,
  };
}

/**
 * `CONCURRENCY` workers run `step` back to back for `seconds` (or until it returns false), each
 * with its own worker index. Stops starting at the deadline and waits for what is in flight.
 */
async function runFor(seconds, step) {
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(seconds * 1e9));
  const worker = async (index) => {
    while (process.hrtime.bigint() < deadline) {
      if ((await step(index)) === false) break;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, index) => worker(index)));
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** A tally of one request type: latencies, statuses and the first unexpected answer. */
function tally() {
  return { latencies: [], ok: 0, errors: 0, other: 0, firstFailure: null };
}
function record(counter, answer, expected) {
  counter.latencies.push(answer.ms);
  if (answer.status === expected) counter.ok++;
  else {
    if (answer.status === 0) counter.errors++;
    else counter.other++;
    counter.firstFailure ??= `${answer.status} ${answer.text}`.slice(0, 300);
  }
  return answer.status === expected;
}

/** Draft (two lines) + issue, 10 at a time; then the numbering check. */
async function invoicingRun({ baseUrl, db, clinic, duration, warmup, log }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let next = 0;
  const draft = () => {
    const k = next++;
    return {
      patientId: clinic.patientIds[k % clinic.patientIds.length],
      locationId: clinic.locationIds[k % clinic.locationIds.length],
      doctorId: clinic.doctorIds[k % clinic.doctorIds.length],
      items: [
        { kind: 'treatment', treatmentId: clinic.treatmentId, quantity: '1' },
        { kind: 'free', description: 'Material descartable', quantity: '1', unitPrice: FREE_LINE_PRICE },
      ],
    };
  };
  const numbers = [];
  const run = async (seconds) => {
    const counters = { create: tally(), issue: tally(), both: tally() };
    const elapsed = await runFor(seconds, async (index) => {
      const token = clinic.cashiers[index % clinic.cashiers.length].token;
      const started = process.hrtime.bigint();
      const created = await send(agent, 'POST', `${baseUrl}/api/v1/invoices`, token, draft());
      if (!record(counters.create, created, 201)) return;
      const issued = await send(agent, 'POST', `${baseUrl}/api/v1/invoices/${created.body.id}/issue`, token);
      if (record(counters.issue, issued, 200)) numbers.push(issued.body.number);
      record(counters.both, { ...issued, ms: elapsedMs(started) }, 200);
    });
    return { counters, elapsed };
  };
  let warmupCounters;
  if (warmup > 0) {
    log(`invoicing: warm-up ${warmup} s`);
    warmupCounters = (await run(warmup)).counters;
  }
  log(`invoicing: ${duration} s with ${CONCURRENCY} concurrent receptionists`);
  const { counters, elapsed } = await run(duration);
  agent.destroy();

  const [{ id: seriesId }] = (
    await db.query(`SELECT id FROM invoice_series WHERE is_default AND kind = 'invoice'`)
  ).rows;
  const [stored] = (
    await db.query(
      `SELECT count(number)::int AS numbered, count(DISTINCT number)::int AS distinct_numbers,
              coalesce(min(number), 0) AS first, coalesce(max(number), 0) AS last,
              count(*) FILTER (WHERE status = 'draft')::int AS drafts,
              (SELECT next_number FROM invoice_series WHERE id = $1) AS next_number,
              (SELECT count(*)::int FROM (
                 SELECT number - lag(number) OVER (ORDER BY number) AS step
                   FROM invoices WHERE series_id = $1 AND number IS NOT NULL) steps
                WHERE step <> 1) AS breaks
         FROM invoices WHERE series_id = $1`,
      [seriesId],
    )
  ).rows;
  const answered = numbers.length;
  const failures = [counters, warmupCounters]
    .filter(Boolean)
    .reduce((sum, c) => sum + c.create.errors + c.create.other + c.issue.errors + c.issue.other, 0);
  const sortedNumbers = [...numbers].sort((a, b) => a - b);
  const answeredConsecutive = sortedNumbers.every((number, i) => number === i + 1);
  const verified =
    failures === 0 &&
    answeredConsecutive &&
    stored.numbered === answered &&
    stored.distinct_numbers === answered &&
    stored.first === (answered ? 1 : 0) &&
    stored.last === answered &&
    stored.next_number === answered + 1 &&
    stored.breaks === 0 &&
    stored.drafts === 0;
  const rows = [
    timedRow({
      scenario: 'invoice',
      title: 'draft (2 lines) + issue, end to end',
      latencies: counters.both.latencies,
      succeeded: counters.both.ok,
      errors: counters.both.errors,
      seconds: elapsed,
    }),
    timedRow({
      scenario: 'invoice-create',
      title: 'POST /api/v1/invoices',
      latencies: counters.create.latencies,
      succeeded: counters.create.ok,
      errors: counters.create.errors,
      seconds: elapsed,
    }),
    timedRow({
      scenario: 'invoice-issue',
      title: 'POST /api/v1/invoices/{id}/issue',
      latencies: counters.issue.latencies,
      succeeded: counters.issue.ok,
      errors: counters.issue.errors,
      seconds: elapsed,
    }),
  ];
  return {
    rows,
    answered,
    failures,
    firstFailure:
      [counters, warmupCounters]
        .filter(Boolean)
        .flatMap((c) => [c.create.firstFailure, c.issue.firstFailure])
        .find(Boolean) ?? null,
    stored,
    verified,
    met: rows[0].latencyMs.p95 < TARGETS.issueP95Ms,
  };
}

/** Partial payments on the issued invoices, 10 at a time; then Σ payments = Σ paid and the cash entries. */
async function paymentsRun({ baseUrl, db, clinic, duration, warmup, log }) {
  const { rows: invoices } = await db.query(
    `SELECT id, total::text AS total FROM invoices WHERE status = 'issued' ORDER BY number`,
  );
  // Round robin over the invoices: in flight, no two payments share one. Each invoice takes at most
  // total / 5.00 − 1 payments, so every one stays partially paid.
  const rounds = Math.floor(Number(invoices[0]?.total ?? 0) / Number(PAYMENT_AMOUNT)) - 1;
  const capacity = invoices.length * rounds;
  let next = 0;
  const payment = () => {
    const k = next++;
    if (k >= capacity) return null;
    const method = METHODS[k % 4];
    return {
      invoiceId: invoices[k % invoices.length].id,
      body: {
        amount: PAYMENT_AMOUNT,
        method,
        ...(method === 'cash' ? {} : { reference: `OP-${String(k).padStart(6, '0')}` }),
      },
    };
  };
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let answered = 0;
  const run = async (seconds) => {
    const counter = tally();
    const elapsed = await runFor(seconds, async (index) => {
      const next = payment();
      if (!next) return false;
      const token = clinic.cashiers[index % clinic.cashiers.length].token;
      const url = `${baseUrl}/api/v1/invoices/${next.invoiceId}/payments`;
      if (record(counter, await send(agent, 'POST', url, token, next.body), 201)) answered++;
    });
    return { counter, elapsed };
  };
  let warmupCounter;
  if (warmup > 0) {
    log(`payments: warm-up ${warmup} s`);
    warmupCounter = (await run(warmup)).counter;
  }
  log(`payments: ${duration} s with ${CONCURRENCY} concurrent receptionists on ${invoices.length} invoices`);
  const { counter, elapsed } = await run(duration);
  agent.destroy();

  const [stored] = (
    await db.query(
      `SELECT (SELECT count(*)::int FROM payments) AS payments,
              (SELECT coalesce(sum(amount), 0)::text FROM payments) AS payments_sum,
              (SELECT coalesce(sum(paid), 0)::text FROM invoices) AS invoices_paid,
              (SELECT count(*)::int FROM invoices i
                 LEFT JOIN (SELECT invoice_id, sum(amount) AS amount FROM payments GROUP BY invoice_id) p
                   ON p.invoice_id = i.id
                WHERE i.paid <> coalesce(p.amount, 0)) AS mismatched_invoices,
              (SELECT count(*)::int FROM payments p JOIN cash_transactions t ON t.id = p.transaction_id
                WHERE t.invoice_id = p.invoice_id AND t.amount = p.amount AND t.method = p.method
                  AND t.type = 'income' AND t.status = 'posted' AND t.cashier_id = p.received_by) AS with_entry,
              (SELECT count(*)::int FROM cash_transactions WHERE invoice_id IS NOT NULL) AS payment_entries`,
    )
  ).rows;
  const failures = [counter, warmupCounter].filter(Boolean).reduce((sum, c) => sum + c.errors + c.other, 0);
  const verified =
    failures === 0 &&
    stored.payments === answered &&
    stored.payments_sum === stored.invoices_paid &&
    stored.mismatched_invoices === 0 &&
    stored.with_entry === answered &&
    stored.payment_entries === answered;
  const row = timedRow({
    scenario: 'payment',
    title: 'POST /api/v1/invoices/{id}/payments',
    latencies: counter.latencies,
    succeeded: counter.ok,
    errors: counter.errors,
    seconds: elapsed,
  });
  return {
    invoices: invoices.length,
    exhausted: next >= capacity,
    row,
    answered,
    failures,
    firstFailure:
      [counter, warmupCounter]
        .filter(Boolean)
        .map((c) => c.firstFailure)
        .find(Boolean) ?? null,
    stored,
    verified,
  };
}

/** The 12 calendar months before the clinic's current one. */
async function historySpan(db) {
  const [span] = (
    await db.query(
      `SELECT (date_trunc('month', today) - interval '12 months')::date::text AS from,
              (date_trunc('month', today) - interval '1 day')::date::text AS to,
              to_char(date_trunc('month', today) - interval '1 month', 'YYYY-MM') AS month,
              (date_trunc('month', today) - interval '1 day')::date
                - (date_trunc('month', today) - interval '12 months')::date + 1 AS days
         FROM (SELECT (now() AT TIME ZONE $1::text)::date AS today) clock`,
      [TIME_ZONE],
    )
  ).rows;
  return span;
}

/** The history: invoices of series B001 with their lines and payments, hand entries, closes. */
async function loadHistory({ db, clinic, span, log }) {
  const started = Date.now();
  const step = async (what, sql, params) => {
    const at = Date.now();
    const result = await db.query(sql, params);
    log(`history: ${what} in ${((Date.now() - at) / 1000).toFixed(1)} s`);
    return result;
  };
  const locations = clinic.locationIds;
  const cashiers = clinic.cashiers.map((cashier) => cashier.id);
  const [{ id: seriesId }] = (
    await db.query(`INSERT INTO invoice_series (kind, code) VALUES ('invoice', 'B001') RETURNING id`)
  ).rows;

  // Spread evenly over the span's days, 08:00–19:30 clinic time; drawer n % 6 (location, cashier).
  await db.query(
    `CREATE TEMP TABLE bench_history AS
       SELECT n, gen_random_uuid() AS id, p1, p2, round(p1 / 1.18, 2) AS n1, round(p2 / 1.18, 2) AS n2, at,
              ($5::uuid[])[1 + n % cardinality($5::uuid[])] AS patient_id,
              ($6::uuid[])[1 + (n % 6) % 2] AS location_id,
              ($7::uuid[])[1 + (n % 6) / 2] AS cashier_id,
              ($8::uuid[])[1 + n % cardinality($8::uuid[])] AS doctor_id,
              CASE WHEN n % 20 = 0 THEN 'draft' WHEN n % 20 = 1 THEN 'void' WHEN n % 20 < 9 THEN 'issued'
                   WHEN n % 20 < 13 THEN 'partially_paid' ELSE 'paid' END AS status
         FROM (SELECT n,
                      (ARRAY[80, 120, 150, 200, 350])[1 + n % 5]::numeric(14, 2) AS p1,
                      (ARRAY[10, 25.5, 35])[1 + n % 3]::numeric(14, 2) AS p2,
                      (($2::date + ((n - 1)::bigint * $3 / $1)::int) + time '08:00'
                        + ((n * 37) % 690) * interval '1 minute') AT TIME ZONE $4::text AS at
                 FROM generate_series(1, $1::int) n) lines`,
    [
      HISTORY_INVOICES,
      span.from,
      span.days,
      TIME_ZONE,
      clinic.patientIds,
      locations,
      cashiers,
      clinic.doctorIds,
    ],
  );
  await step(
    `${HISTORY_INVOICES.toLocaleString('en-US')} drafts`,
    `INSERT INTO invoices (id, kind, series_id, patient_id, location_id, doctor_id, currency, prices_include_tax,
                           gross, discount, net, tax, total, created_by, created_at, updated_at)
     SELECT id, 'invoice', $1, patient_id, location_id, doctor_id, 'PEN', true, p1 + p2, 0, n1 + n2,
            (p1 - n1) + (p2 - n2), p1 + p2, cashier_id, at - interval '5 minutes', at - interval '5 minutes'
       FROM bench_history`,
    [seriesId],
  );
  await step(
    `${(2 * HISTORY_INVOICES).toLocaleString('en-US')} lines`,
    `INSERT INTO invoice_items (invoice_id, position, kind, treatment_id, description, quantity, unit_price,
                                discount, tax_rate, net, tax, total)
     SELECT id, 1, 'treatment', $1::uuid, $2, 1, p1, 0, 0.18, n1, p1 - n1, p1 FROM bench_history
     UNION ALL
     SELECT id, 2, 'free', NULL, 'Material descartable', 1, p2, 0, 0.18, n2, p2 - n2, p2 FROM bench_history`,
    [clinic.treatmentId, clinic.treatmentName],
  );
  // Issued in time order: numbers follow the issue instants, with no gap.
  await step(
    'issued, numbered, some void or paid',
    `UPDATE invoices i
        SET status = h.status, number = h.number, issued_at = h.at, issued_by = h.cashier_id,
            paid = CASE h.status WHEN 'paid' THEN i.total WHEN 'partially_paid' THEN round(i.total / 2, 2) ELSE 0 END,
            voided_at = CASE WHEN h.status = 'void' THEN h.at + interval '1 hour' END,
            voided_by = CASE WHEN h.status = 'void' THEN $1::uuid END,
            void_reason = CASE WHEN h.status = 'void' THEN 'Emitida por error' END,
            updated_at = h.at
       FROM (SELECT id, status, at, cashier_id, row_number() OVER (ORDER BY at, n)::int AS number
               FROM bench_history WHERE status <> 'draft') h
      WHERE i.id = h.id`,
    [clinic.admin.id],
  );
  await db.query(
    `UPDATE invoice_series SET next_number = (SELECT max(number) + 1 FROM invoices WHERE series_id = $1) WHERE id = $1`,
    [seriesId],
  );
  // One payment per paid or partly paid invoice, ten minutes after its issue, with its entry.
  const paymentEntries = (
    await step(
      'payments with their cash entries',
      `WITH entries AS (
         INSERT INTO cash_transactions (type, concept, amount, method, location_id, cashier_id, doctor_id,
                                        patient_id, invoice_id, occurred_at, created_by, created_at, updated_at)
         SELECT 'income', 'Pago B001-' || lpad(i.number::text, 8, '0'), i.paid, ($1::text[])[1 + h.n % 5],
                i.location_id, h.cashier_id, i.doctor_id, i.patient_id, i.id, h.at + interval '10 minutes',
                h.cashier_id, h.at + interval '10 minutes', h.at + interval '10 minutes'
           FROM bench_history h JOIN invoices i ON i.id = h.id
          WHERE i.paid > 0
         RETURNING id, invoice_id, amount, method, cashier_id, occurred_at)
       INSERT INTO payments (invoice_id, amount, method, paid_at, received_by, transaction_id, created_at)
       SELECT invoice_id, amount, method, occurred_at, cashier_id, id, occurred_at FROM entries`,
      [METHODS],
    )
  ).rowCount;
  const handEntries = Math.max(0, CASH_ENTRIES - paymentEntries);
  await step(
    `${handEntries.toLocaleString('en-US')} hand-entered entries`,
    `INSERT INTO cash_transactions (type, concept, amount, method, location_id, cashier_id, doctor_id, patient_id,
                                    status, occurred_at, created_by, created_at, updated_at)
     SELECT type,
            CASE WHEN type = 'income'
                 THEN (ARRAY['Venta de productos', 'Certificado médico', 'Consulta particular', 'Copia de historia'])[1 + n % 4]
                 ELSE (ARRAY['Taxi', 'Útiles de oficina', 'Limpieza', 'Refrigerio', 'Mensajería'])[1 + n % 5] END,
            CASE WHEN type = 'income' THEN 10 + (n * 7) % 190 + (n % 4) * 0.25 ELSE 5 + (n * 3) % 60 + (n % 2) * 0.5 END,
            ($5::text[])[1 + n % 5], ($6::uuid[])[1 + (n % 6) % 2], ($7::uuid[])[1 + (n % 6) / 2],
            CASE WHEN type = 'income' AND n % 3 = 0 THEN ($8::uuid[])[1 + n % cardinality($8::uuid[])] END,
            CASE WHEN type = 'income' AND n % 2 = 0 THEN ($9::uuid[])[1 + n % cardinality($9::uuid[])] END,
            CASE WHEN n % 40 = 0 THEN 'void' ELSE 'posted' END, at, ($7::uuid[])[1 + (n % 6) / 2], at, at
       FROM (SELECT n, CASE WHEN n % 5 = 0 THEN 'expense' ELSE 'income' END AS type,
                    (($2::date + ((n - 1)::bigint * $3 / $1)::int) + time '08:00'
                      + ((n * 53) % 720) * interval '1 minute') AT TIME ZONE $4::text AS at
               FROM generate_series(1, $1::int) n) entries`,
    [
      handEntries,
      span.from,
      span.days,
      TIME_ZONE,
      METHODS,
      locations,
      cashiers,
      clinic.doctorIds,
      clinic.patientIds,
    ],
  );
  // Every drawer-day of the span closed at 20:30, counted as expected (a negative net counts 0).
  await step(
    'every drawer-day closed',
    `WITH sums AS (
       SELECT location_id, cashier_id, business_date, method,
              sum(CASE WHEN type = 'income' THEN amount ELSE -amount END) AS net
         FROM cash_transactions
        WHERE status = 'posted' AND business_date BETWEEN $1::date AND $2::date
        GROUP BY location_id, cashier_id, business_date, method),
     closes AS (
       INSERT INTO cash_closes (location_id, cashier_id, business_date, currency, closed_at, closed_by)
       SELECT DISTINCT location_id, cashier_id, business_date, 'PEN',
              (business_date + time '20:30') AT TIME ZONE $3::text, cashier_id
         FROM sums
       RETURNING id, location_id, cashier_id, business_date)
     INSERT INTO cash_close_lines (close_id, method, expected, counted)
     SELECT c.id, m.method, coalesce(s.net, 0), greatest(coalesce(s.net, 0), 0)
       FROM closes c CROSS JOIN unnest($4::text[]) AS m (method)
       LEFT JOIN sums s ON (s.location_id, s.cashier_id, s.business_date, s.method)
                         = (c.location_id, c.cashier_id, c.business_date, m.method)`,
    [span.from, span.to, TIME_ZONE, METHODS],
  );
  await step(
    'ANALYZE',
    'ANALYZE invoices, invoice_items, invoice_series, payments, cash_transactions, cash_closes, cash_close_lines',
  );
  await db.query('DROP TABLE bench_history');

  const [stored] = (
    await db.query(
      `SELECT (SELECT count(*)::int FROM cash_transactions) AS cash_entries,
              (SELECT count(*)::int FROM cash_transactions WHERE business_date BETWEEN $2::date AND $3::date) AS span_entries,
              (SELECT count(*)::int FROM cash_transactions
                WHERE status = 'posted' AND business_date BETWEEN $2::date AND $3::date) AS span_posted,
              (SELECT count(*)::int FROM invoices WHERE series_id = $1) AS invoices,
              (SELECT count(*)::int FROM invoices) AS all_invoices,
              (SELECT count(*)::int FROM invoice_items) AS lines,
              (SELECT count(*)::int FROM cash_closes) AS closes,
              (SELECT count(DISTINCT number)::int = max(number) AND min(number) = 1 FROM invoices WHERE series_id = $1)
                AS numbered,
              (SELECT coalesce(sum(amount), 0) FROM payments) = (SELECT coalesce(sum(paid), 0) FROM invoices) AS paid_agrees`,
      [seriesId, span.from, span.to],
    )
  ).rows;
  const seconds = round((Date.now() - started) / 1000);
  log(
    `history: ${stored.cash_entries.toLocaleString('en-US')} cash entries, ${stored.all_invoices.toLocaleString('en-US')} invoices, ` +
      `${stored.closes.toLocaleString('en-US')} closes after ${seconds} s`,
  );
  return { seconds, stored, consistent: stored.numbered && stored.paid_agrees };
}

/** What each measured GET is, with the check its answer must pass once before it is timed. */
async function reportScenarios({ db, clinic, span }) {
  const monthEnd = (
    await db.query(`SELECT (($1 || '-01')::date + interval '1 month - 1 day')::date::text AS day`, [
      span.month,
    ])
  ).rows[0].day;
  const [pdfInvoice] = (
    await db.query(
      `SELECT i.id FROM invoices i JOIN invoice_series s ON s.id = i.series_id
        WHERE s.code = 'B001' AND i.status = 'partially_paid' ORDER BY i.number DESC LIMIT 1`,
    )
  ).rows;
  const day = `${span.month}-15`;
  const doctorId = clinic.doctorIds[0];
  const list = (body) => Array.isArray(body?.items) && body.items.length > 0 && body.total > 0;
  return [
    {
      name: 'daily-report',
      title: 'GET /transactions/daily-report?date=… (a day)',
      path: `/api/v1/transactions/daily-report?date=${day}`,
      check: (body) => body.count > 0 && body.byConcept.length > 0 && body.closes.length > 0,
    },
    {
      name: 'monthly-report',
      title: 'GET /transactions/monthly-report?month=…',
      path: `/api/v1/transactions/monthly-report?month=${span.month}`,
      check: (body) => body.count > 0 && body.days.length >= 28 && body.doctors.length === DOCTORS,
    },
    {
      name: 'summary',
      title: 'GET /transactions/summary?from&to (a year)',
      path: `/api/v1/transactions/summary?from=${span.from}&to=${span.to}`,
      check: (body) => body.count === span.posted,
    },
    {
      name: 'transactions',
      title: 'GET /transactions?from&to (a year)&page=50',
      path: `/api/v1/transactions?from=${span.from}&to=${span.to}&page=50`,
      check: (body) => list(body) && body.total === span.entries,
    },
    {
      name: 'doctor-production',
      title: 'GET /transactions/doctor-production?from&to (a year)',
      path: `/api/v1/transactions/doctor-production?from=${span.from}&to=${span.to}`,
      check: (body) => Array.isArray(body) && body.length === DOCTORS,
    },
    {
      name: 'invoices-status-month',
      title: 'GET /invoices?status=partially_paid&from&to (a month)',
      path: `/api/v1/invoices?status=partially_paid&from=${span.month}-01&to=${monthEnd}`,
      check: list,
    },
    {
      name: 'invoices-unpaid-doctor',
      title: 'GET /invoices?unpaid=true&doctorId=…&page=5',
      path: `/api/v1/invoices?unpaid=true&doctorId=${doctorId}&page=5`,
      check: list,
    },
    {
      name: 'invoices-search',
      title: 'GET /invoices?search=quispe',
      path: `/api/v1/invoices?search=quispe`,
      check: list,
    },
    {
      name: 'invoice-pdf',
      title: 'GET /invoices/{id}/pdf (one page)',
      path: `/api/v1/invoices/${pdfInvoice.id}/pdf`,
      pdf: true,
      // pdfkit writes one `/Type /Page` object per page, uncompressed.
      check: (bytes) =>
        bytes.subarray(0, 5).toString() === '%PDF-' &&
        (bytes.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length === 1,
    },
  ];
}

/** Each report, list and PDF once (its answer checked), then with 1 connection and with 10. */
async function reportsRun({ baseUrl, db, clinic, span, duration, warmup, log }) {
  const scenarios = await reportScenarios({ db, clinic, span });
  const token = clinic.admin.token;
  const seconds = reportSeconds(duration);
  const rows = [];
  const wrong = [];
  for (const scenario of scenarios) {
    const response = await fetch(`${baseUrl}${scenario.path}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(10_000),
    });
    const body = scenario.pdf ? Buffer.from(await response.arrayBuffer()) : await response.json();
    if (!response.ok || !scenario.check(body)) {
      wrong.push(
        `${scenario.name}: ${response.status} ${scenario.pdf ? '' : JSON.stringify(body).slice(0, 200)}`,
      );
    }
    const target = {
      name: scenario.name,
      title: scenario.title,
      url: `${baseUrl}${scenario.path}`,
      headers: { authorization: `Bearer ${token}` },
    };
    // One at a time first; then 10 at once for long enough to see about 30 answers of a slow
    // request (at most 10 s), so the percentiles come from answers, not from an empty window.
    const single = await measure(
      { ...target, connections: 1 },
      { duration: seconds, warmup: Math.min(warmup, 1), log },
    );
    const loadedSeconds = Math.min(
      MAX_LOADED_SECONDS,
      Math.max(seconds, Math.ceil((3 * CONCURRENCY * single.latencyMs.p50) / 1000)),
    );
    const loaded = await measure(
      { ...target, connections: CONCURRENCY },
      { duration: loadedSeconds, warmup: 0, log },
    );
    rows.push(loaded, single);
  }
  const p95 = (name) =>
    rows.find((row) => row.scenario === name && row.connections === CONCURRENCY).latencyMs.p95;
  return {
    seconds,
    rows,
    wrong,
    met: {
      monthly: p95('monthly-report') < TARGETS.monthlyP95Ms,
      pdf: p95('invoice-pdf') < TARGETS.pdfP95Ms,
    },
  };
}

/** Runs the suite against a started server and its database. */
export async function runBillingSuite({ server, database, duration, warmup, log }) {
  const db = new pg.Client({ connectionString: await database.connectionString() });
  await db.connect();
  try {
    const clinic = await setUpClinic(server.baseUrl, db, log);
    const context = { baseUrl: server.baseUrl, db, clinic, duration, warmup, log };
    const invoicing = await invoicingRun(context);
    const payments = await paymentsRun(context);
    const span = await historySpan(db);
    const history = await loadHistory({ ...context, span });
    span.entries = history.stored.span_entries;
    span.posted = history.stored.span_posted;
    const reports = await reportsRun({ ...context, span });
    return { timeZone: TIME_ZONE, span, invoicing, payments, history, reports };
  } finally {
    await db.end();
  }
}

/** Whether the suite saw a failed request, a wrong answer or an inconsistent count. */
export function billingFailed(result) {
  const failed = (row) => row.requests === 0 || row.errors + row.timeouts + row.mismatches + row.non2xx > 0;
  return (
    !result.invoicing.verified ||
    !result.payments.verified ||
    !result.history.consistent ||
    result.reports.wrong.length > 0 ||
    [...result.invoicing.rows, result.payments.row, ...result.reports.rows].some(failed)
  );
}

const yesNo = (met) => (met ? 'met' : 'NOT met');

/** The suite's figures as text. */
export function formatBilling({ span, invoicing, payments, history, reports }) {
  const { stored: numbering } = invoicing;
  const { stored: paid } = payments;
  const { stored: loaded } = history;
  const p95 = (name) =>
    reports.rows.find((row) => row.scenario === name && row.connections === CONCURRENCY).latencyMs.p95;
  return [
    `Invoicing: ${CONCURRENCY} concurrent receptionists, each drafting an invoice of 2 lines and issuing it (Req/s: invoices/s):`,
    '',
    formatTable(invoicing.rows),
    '',
    `${invoicing.rows[0].requestsPerSecond} invoices/s; draft + issue p95 ${invoicing.rows[0].latencyMs.p95} ms ` +
      `(target < ${TARGETS.issueP95Ms} ms: ${yesNo(invoicing.met)}), the issue alone ${invoicing.rows[2].latencyMs.p95} ms. ` +
      `Check: ${invoicing.answered} numbers answered (warm-up included), ${invoicing.failures} failures; the series holds ` +
      `${numbering.numbered} numbers ${numbering.first}–${numbering.last}, ${numbering.distinct_numbers} distinct, ` +
      `${numbering.breaks} gaps, ${numbering.drafts} drafts, next ${numbering.next_number}: ` +
      `${invoicing.verified ? 'consecutive' : 'NOT CONSECUTIVE'}.`,
    ...(invoicing.firstFailure ? [`First failure: ${invoicing.firstFailure}`] : []),
    '',
    `Payments: partial payments of ${PAYMENT_AMOUNT} on ${payments.invoices} issued invoices, ${CONCURRENCY} concurrent (Req/s counts 201s):`,
    '',
    formatTable([payments.row]),
    '',
    `Check: ${payments.answered} answers 201 (warm-up included), ${payments.failures} other answers; ${paid.payments} payments ` +
      `summing ${paid.payments_sum} = Σ invoices.paid ${paid.invoices_paid}, ${paid.mismatched_invoices} invoices disagreeing, ` +
      `${paid.with_entry} payments with their own cash entry, ${paid.payment_entries} payment entries: ` +
      `${payments.verified ? 'consistent' : 'INCONSISTENT'}.` +
      (payments.exhausted ? ' (Stopped early: every invoice had taken its share of payments.)' : ''),
    ...(payments.firstFailure ? [`First failure: ${payments.firstFailure}`] : []),
    '',
    `History (${span.from} to ${span.to}), loaded with SQL in ${history.seconds} s: ${loaded.cash_entries.toLocaleString('en-US')} cash entries ` +
      `(${loaded.span_posted.toLocaleString('en-US')} posted in the span), ${loaded.invoices.toLocaleString('en-US')} invoices of series B001 ` +
      `(${loaded.all_invoices.toLocaleString('en-US')} in all, ${loaded.lines.toLocaleString('en-US')} lines), ` +
      `${loaded.closes.toLocaleString('en-US')} drawer-days closed; consistent: ${history.consistent ? 'yes' : 'NO'}.`,
    `Reports as the admin (month ${span.month}, day ${span.month}-15), each one alone for ${reports.seconds} s, then with ` +
      `${CONCURRENCY} connections for ${reports.seconds}–${MAX_LOADED_SECONDS} s (longer for slow ones):`,
    '',
    formatTable(reports.rows),
    '',
    `Monthly report p95 ${p95('monthly-report')} ms with ${CONCURRENCY} connections (target < ${TARGETS.monthlyP95Ms} ms: ${yesNo(reports.met.monthly)}); ` +
      `PDF p95 ${p95('invoice-pdf')} ms (target < ${TARGETS.pdfP95Ms} ms: ${yesNo(reports.met.pdf)}).`,
    ...(reports.wrong.length ? [`Wrong answers: ${reports.wrong.join('; ')}`] : []),
  ].join('\n');
}
