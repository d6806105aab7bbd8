import type { EntityManager } from 'typeorm';

/**
 * DEMO ONLY: billing history for the demo clinic, set-based. Most completed appointments of the
 * past weeks are invoiced (numbered in issue order), most of those paid at the front desk (some
 * in part, a few not at all), a few expenses a week, and every past drawer-day closed — a couple
 * of them with cash missing — so billing, the cash register and its reports show something on
 * first start. Amounts follow the same rules as the API (per-line rounding, tax from settings).
 */
export async function seedDemoBilling(manager: EntityManager): Promise<{ invoices: number }> {
  const [cashier] = await manager.query(
    `SELECT id FROM users WHERE username = 'receptionist' OR role IN ('admin', 'superadmin')
      ORDER BY (username = 'receptionist') DESC, created_at LIMIT 1`,
  );
  if (!cashier) return { invoices: 0 };
  await manager.query(`
    CREATE TEMP TABLE demo_bills ON COMMIT DROP AS
    SELECT a.id AS appointment_id, a.patient_id, a.doctor_id, a.location_id, a.ends_at,
           t.id AS treatment_id, t.name, t.price, s.currency, s.prices_include_tax, s.tax_rate,
           abs(hashtext(a.id::text)) AS h
      FROM appointments a
      JOIN treatments t ON t.id = a.treatment_id
      CROSS JOIN clinic_settings s
     WHERE s.id = 1 AND a.status = 'completed' AND a.ends_at < now() - interval '1 hour'
       AND abs(hashtext(a.id::text)) % 20 <> 0`);
  await manager.query(`
    ALTER TABLE demo_bills ADD COLUMN net numeric, ADD COLUMN tax numeric, ADD COLUMN total numeric`);
  await manager.query(`
    UPDATE demo_bills SET
      net = CASE WHEN prices_include_tax THEN round(price / (1 + tax_rate), 2) ELSE price END,
      tax = CASE WHEN prices_include_tax THEN price - round(price / (1 + tax_rate), 2) ELSE round(price * tax_rate, 2) END,
      total = CASE WHEN prices_include_tax THEN price ELSE price + round(price * tax_rate, 2) END`);
  const [{ count }] = await manager.query(
    `
    WITH series AS (SELECT id FROM invoice_series WHERE kind = 'invoice' AND is_default),
    drafted AS (
      INSERT INTO invoices (series_id, patient_id, location_id, doctor_id, appointment_id, currency, prices_include_tax,
                            gross, discount, net, tax, total, created_by, created_at, updated_at)
      SELECT series.id, b.patient_id, b.location_id, b.doctor_id, b.appointment_id, b.currency, b.prices_include_tax,
             b.price, 0, b.net, b.tax, b.total, $1, b.ends_at, b.ends_at
        FROM demo_bills b, series
      RETURNING id
    )
    SELECT count(*)::int AS count FROM drafted`,
    [cashier.id],
  );
  await manager.query(`
    INSERT INTO invoice_items (invoice_id, position, kind, treatment_id, description, quantity, unit_price, discount,
                               tax_rate, net, tax, total)
    SELECT i.id, 1, 'treatment', b.treatment_id, b.name, 1, b.price, 0, b.tax_rate, b.net, b.tax, b.total
      FROM demo_bills b JOIN invoices i ON i.appointment_id = b.appointment_id`);
  await manager.query(
    `
    UPDATE invoices i SET status = CASE WHEN i.total = 0 THEN 'paid' ELSE 'issued' END, number = n.number, issued_at = n.ends_at, issued_by = $1
      FROM (SELECT i.id, b.ends_at, row_number() OVER (ORDER BY b.ends_at, i.id) AS number
              FROM invoices i JOIN demo_bills b ON b.appointment_id = i.appointment_id) n
     WHERE n.id = i.id`,
    [cashier.id],
  );
  await manager.query(`
    UPDATE invoice_series SET next_number = 1 + (SELECT count(*) FROM demo_bills) WHERE kind = 'invoice' AND is_default`);

  // Payments: seven in ten in full, two in ten half, one in ten still owed; each with its entry.
  await manager.query(
    `
    WITH due AS (
      SELECT i.id AS invoice_id, i.patient_id, i.location_id, i.doctor_id, i.total, s.code, i.number,
             b.ends_at + interval '10 minutes' AS paid_at, b.h,
             (ARRAY['cash', 'card', 'yape_plin', 'transfer', 'cash', 'card', 'insurer'])[1 + b.h / 10 % 7] AS method,
             CASE WHEN b.h % 10 < 7 THEN i.total ELSE round(i.total / 2, 0) END AS amount
        FROM invoices i JOIN demo_bills b ON b.appointment_id = i.appointment_id
        JOIN invoice_series s ON s.id = i.series_id
       WHERE b.h % 10 < 9 AND i.total > 0
    ),
    entries AS (
      INSERT INTO cash_transactions (type, concept, amount, method, location_id, cashier_id, doctor_id, patient_id,
                                     invoice_id, occurred_at, created_by)
      SELECT 'income', 'Pago ' || code || '-' || lpad(number::text, 8, '0'), amount, method, location_id, $1,
             doctor_id, patient_id, invoice_id, paid_at, $1
        FROM due
      RETURNING id, invoice_id, amount, method, occurred_at
    )
    INSERT INTO payments (invoice_id, amount, method, paid_at, received_by, transaction_id)
    SELECT invoice_id, amount, method, occurred_at, $1, id FROM entries`,
    [cashier.id],
  );
  await manager.query(`
    UPDATE invoices i SET paid = p.paid,
           status = CASE WHEN i.total - p.paid = 0 THEN 'paid' ELSE 'partially_paid' END
      FROM (SELECT invoice_id, sum(amount) AS paid FROM payments GROUP BY invoice_id) p
     WHERE p.invoice_id = i.id`);

  // A few expenses a week at each location, paid from the drawer out of that day's cash.
  await manager.query(
    `
    WITH tz AS (SELECT time_zone, (now() AT TIME ZONE time_zone)::date AS today FROM clinic_settings WHERE id = 1)
    INSERT INTO cash_transactions (type, concept, amount, method, location_id, cashier_id, occurred_at, created_by)
    SELECT 'expense',
           (ARRAY['Materiales dentales', 'Movilidad', 'Útiles de limpieza', 'Refrigerio del personal'])[1 + h % 4],
           (ARRAY[85.50, 20, 34.90, 48])[1 + h % 4], 'cash', l.id, $1,
           ((tz.today + d) + time '13:30') AT TIME ZONE tz.time_zone, $1
      FROM tz, locations l, generate_series(-42, -1) AS d,
           LATERAL (SELECT abs(hashtext(l.id::text || d::text)) AS h) hashed
     WHERE h % 3 = 0
       AND (SELECT coalesce(sum(t.amount), 0) FROM cash_transactions t
             WHERE t.location_id = l.id AND t.business_date = tz.today + d AND t.method = 'cash')
           >= (ARRAY[85.50, 20, 34.90, 48])[1 + h % 4]`,
    [cashier.id],
  );

  // Every past drawer-day closed; on a few, five soles of cash came up short.
  const short = `abs(hashtext(c.location_id::text || c.business_date::text)) % 11 = 0`;
  await manager.query(`
    WITH tz AS (SELECT time_zone, currency, (now() AT TIME ZONE time_zone)::date AS today FROM clinic_settings WHERE id = 1),
    drawers AS (
      SELECT t.location_id, t.cashier_id, t.business_date,
             sum(CASE WHEN t.type = 'income' THEN t.amount ELSE -t.amount END) FILTER (WHERE t.method = 'cash') AS cash
        FROM cash_transactions t, tz WHERE t.business_date < tz.today GROUP BY 1, 2, 3
    )
    INSERT INTO cash_closes (location_id, cashier_id, business_date, currency, closed_at, closed_by, notes)
    SELECT c.location_id, c.cashier_id, c.business_date, tz.currency,
           (c.business_date + time '20:15') AT TIME ZONE tz.time_zone, c.cashier_id,
           CASE WHEN ${short} AND c.cash >= 5 THEN 'Faltan 5 en efectivo: se revisará mañana.' END
      FROM drawers c, tz`);
  await manager.query(`
    INSERT INTO cash_close_lines (close_id, method, expected, counted)
    SELECT c.id, m.method, coalesce(x.expected, 0),
           coalesce(x.expected, 0) - CASE WHEN m.method = 'cash' AND c.notes IS NOT NULL THEN 5 ELSE 0 END
      FROM cash_closes c
     CROSS JOIN unnest(ARRAY['cash', 'card', 'transfer', 'yape_plin', 'insurer']) AS m(method)
      LEFT JOIN LATERAL (
        SELECT sum(CASE WHEN t.type = 'income' THEN t.amount ELSE -t.amount END) AS expected
          FROM cash_transactions t
         WHERE t.location_id = c.location_id AND t.cashier_id = c.cashier_id
           AND t.business_date = c.business_date AND t.method = m.method AND t.status = 'posted'
      ) x ON true`);
  return { invoices: count };
}
