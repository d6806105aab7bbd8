import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Billing and the cash register. The database holds the rules that must survive any bug or
 * concurrency: gapless numbers per series (the counter row is locked by the issuing
 * transaction), issued documents that cannot change or disappear, no overpayment, statuses that
 * agree with the amounts, and cash days that cannot change once their drawer is closed (a
 * trigger that shares an advisory lock with the close, so no entry slips in while it counts).
 */
export class Billing1765000000000 implements MigrationInterface {
  name = 'Billing1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE clinic_settings ADD COLUMN tax_id text`);
    await db.query(`
      CREATE TABLE products (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sku citext NOT NULL CONSTRAINT uq_products_sku UNIQUE CONSTRAINT ck_products_sku CHECK (length(btrim(sku)) BETWEEN 1 AND 40),
        name citext NOT NULL CONSTRAINT ck_products_name CHECK (length(btrim(name)) BETWEEN 1 AND 120),
        unit text NOT NULL DEFAULT 'unit' CONSTRAINT ck_products_unit CHECK (length(btrim(unit)) BETWEEN 1 AND 20),
        price numeric(12, 2) NOT NULL CONSTRAINT ck_products_price CHECK (price >= 0),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE invoice_series (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CONSTRAINT ck_invoice_series_kind CHECK (kind IN ('invoice', 'credit_note')),
        code citext NOT NULL CONSTRAINT uq_invoice_series_code UNIQUE CONSTRAINT ck_invoice_series_code CHECK (code ~ '^[A-Za-z0-9]{1,8}$'),
        next_number integer NOT NULL DEFAULT 1 CONSTRAINT ck_invoice_series_next CHECK (next_number BETWEEN 1 AND 99999999),
        is_default boolean NOT NULL DEFAULT false,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_invoice_series_default_active CHECK (NOT is_default OR active)
      )`);
    await db.query(`CREATE UNIQUE INDEX uq_invoice_series_default ON invoice_series (kind) WHERE is_default`);
    await db.query(`
      INSERT INTO invoice_series (kind, code, is_default) VALUES ('invoice', 'F001', true), ('credit_note', 'NC01', true)`);

    await db.query(`
      CREATE TABLE invoices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL DEFAULT 'invoice' CONSTRAINT ck_invoices_kind CHECK (kind IN ('invoice', 'credit_note')),
        series_id uuid NOT NULL REFERENCES invoice_series (id),
        number integer,
        status text NOT NULL DEFAULT 'draft'
          CONSTRAINT ck_invoices_status CHECK (status IN ('draft', 'issued', 'partially_paid', 'paid', 'void')),
        patient_id uuid NOT NULL REFERENCES patients (id),
        location_id uuid NOT NULL REFERENCES locations (id),
        doctor_id uuid REFERENCES doctors (id),
        appointment_id uuid REFERENCES appointments (id),
        credit_of_id uuid REFERENCES invoices (id),
        currency char(3) NOT NULL,
        prices_include_tax boolean NOT NULL,
        gross numeric(14, 2) NOT NULL DEFAULT 0,
        discount numeric(14, 2) NOT NULL DEFAULT 0,
        net numeric(14, 2) NOT NULL DEFAULT 0,
        tax numeric(14, 2) NOT NULL DEFAULT 0,
        total numeric(14, 2) NOT NULL DEFAULT 0,
        credited numeric(14, 2) NOT NULL DEFAULT 0,
        paid numeric(14, 2) NOT NULL DEFAULT 0,
        notes text,
        issued_at timestamptz,
        issued_by uuid REFERENCES users (id),
        voided_at timestamptz,
        voided_by uuid REFERENCES users (id),
        void_reason text,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_invoices_series_number UNIQUE (series_id, number),
        CONSTRAINT ck_invoices_numbered CHECK ((status = 'draft') = (number IS NULL) AND (status = 'draft') = (issued_at IS NULL)),
        CONSTRAINT ck_invoices_void CHECK ((status = 'void') = (voided_at IS NOT NULL) AND (status <> 'void' OR length(btrim(void_reason)) > 0)),
        CONSTRAINT ck_invoices_void_unpaid CHECK (status <> 'void' OR paid = 0),
        CONSTRAINT ck_invoices_amounts CHECK (
          gross >= 0 AND discount >= 0 AND net >= 0 AND tax >= 0 AND total = net + tax
          AND credited BETWEEN 0 AND total),
        CONSTRAINT ck_invoices_overpaid CHECK (paid >= 0 AND paid <= total - credited),
        CONSTRAINT ck_invoices_credit_note CHECK (
          (kind = 'credit_note') = (credit_of_id IS NOT NULL)
          AND (kind = 'invoice' OR (paid = 0 AND credited = 0 AND status IN ('draft', 'issued', 'void')))),
        CONSTRAINT ck_invoices_status_amounts CHECK (
          kind = 'credit_note' OR status IN ('draft', 'void') OR status =
            CASE WHEN total - credited - paid = 0 THEN 'paid' WHEN paid > 0 THEN 'partially_paid' ELSE 'issued' END),
        CONSTRAINT ck_invoices_currency CHECK (currency ~ '^[A-Z]{3}$')
      )`);
    await db.query(`
      CREATE UNIQUE INDEX uq_invoices_appointment ON invoices (appointment_id)
        WHERE appointment_id IS NOT NULL AND kind = 'invoice' AND status <> 'void'`);
    await db.query(`CREATE INDEX ix_invoices_patient ON invoices (patient_id, created_at)`);
    await db.query(`CREATE INDEX ix_invoices_status ON invoices (status, created_at)`);
    await db.query(`CREATE INDEX ix_invoices_issued ON invoices (issued_at) WHERE issued_at IS NOT NULL`);
    await db.query(`CREATE INDEX ix_invoices_doctor ON invoices (doctor_id, issued_at)`);
    await db.query(
      `CREATE INDEX ix_invoices_credit_of ON invoices (credit_of_id) WHERE credit_of_id IS NOT NULL`,
    );

    await db.query(`
      CREATE TABLE invoice_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        invoice_id uuid NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
        position smallint NOT NULL CONSTRAINT ck_invoice_items_position CHECK (position BETWEEN 1 AND 100),
        kind text NOT NULL CONSTRAINT ck_invoice_items_kind CHECK (kind IN ('treatment', 'product', 'free')),
        treatment_id uuid REFERENCES treatments (id),
        product_id uuid REFERENCES products (id),
        description text NOT NULL CONSTRAINT ck_invoice_items_description CHECK (length(btrim(description)) BETWEEN 1 AND 300),
        quantity numeric(12, 3) NOT NULL CONSTRAINT ck_invoice_items_quantity CHECK (quantity > 0),
        unit_price numeric(14, 2) NOT NULL CONSTRAINT ck_invoice_items_unit_price CHECK (unit_price >= 0),
        discount numeric(14, 2) NOT NULL DEFAULT 0 CONSTRAINT ck_invoice_items_discount CHECK (discount >= 0),
        tax_rate numeric(5, 4) NOT NULL CONSTRAINT ck_invoice_items_tax_rate CHECK (tax_rate BETWEEN 0 AND 1),
        net numeric(14, 2) NOT NULL,
        tax numeric(14, 2) NOT NULL,
        total numeric(14, 2) NOT NULL,
        CONSTRAINT uq_invoice_items_position UNIQUE (invoice_id, position),
        CONSTRAINT ck_invoice_items_amounts CHECK (net >= 0 AND tax >= 0 AND total = net + tax),
        CONSTRAINT ck_invoice_items_reference CHECK (
          (kind = 'treatment') = (treatment_id IS NOT NULL) AND (kind = 'product') = (product_id IS NOT NULL))
      )`);

    // Issued documents keep what they said: only the settlement columns may move, and nothing
    // issued is ever deleted.
    await db.query(`
      CREATE FUNCTION invoices_keep_issued() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.status <> 'draft' THEN
            RAISE EXCEPTION 'issued invoice % cannot be deleted', OLD.id
              USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_invoices_issued_kept';
          END IF;
          RETURN OLD;
        END IF;
        IF OLD.status <> 'draft' AND (
          (NEW.kind, NEW.series_id, NEW.number, NEW.patient_id, NEW.location_id, NEW.doctor_id,
           NEW.appointment_id, NEW.credit_of_id, NEW.currency, NEW.prices_include_tax, NEW.gross,
           NEW.discount, NEW.net, NEW.tax, NEW.total, NEW.issued_at, NEW.issued_by, NEW.notes)
          IS DISTINCT FROM
          (OLD.kind, OLD.series_id, OLD.number, OLD.patient_id, OLD.location_id, OLD.doctor_id,
           OLD.appointment_id, OLD.credit_of_id, OLD.currency, OLD.prices_include_tax, OLD.gross,
           OLD.discount, OLD.net, OLD.tax, OLD.total, OLD.issued_at, OLD.issued_by, OLD.notes)
          OR NEW.status = 'draft'
          OR (OLD.status = 'void'))
        THEN
          RAISE EXCEPTION 'issued invoice % cannot be changed', OLD.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_invoices_issued_kept';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER tg_invoices_keep_issued BEFORE UPDATE OR DELETE ON invoices
        FOR EACH ROW EXECUTE FUNCTION invoices_keep_issued()`);
    await db.query(`
      CREATE FUNCTION invoice_items_keep_issued() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        target uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.invoice_id ELSE NEW.invoice_id END;
      BEGIN
        IF EXISTS (SELECT 1 FROM invoices WHERE id = target AND status <> 'draft')
           OR (TG_OP = 'UPDATE' AND OLD.invoice_id <> NEW.invoice_id) THEN
          RAISE EXCEPTION 'lines of issued invoice % cannot be changed', target
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_invoices_issued_kept';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await db.query(`
      CREATE TRIGGER tg_invoice_items_keep_issued BEFORE INSERT OR UPDATE OR DELETE ON invoice_items
        FOR EACH ROW EXECUTE FUNCTION invoice_items_keep_issued()`);

    await db.query(`
      CREATE TABLE cash_transactions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type text NOT NULL CONSTRAINT ck_cash_transactions_type CHECK (type IN ('income', 'expense')),
        concept text NOT NULL CONSTRAINT ck_cash_transactions_concept CHECK (length(btrim(concept)) BETWEEN 1 AND 200),
        amount numeric(14, 2) NOT NULL CONSTRAINT ck_cash_transactions_amount CHECK (amount > 0),
        method text NOT NULL
          CONSTRAINT ck_cash_transactions_method CHECK (method IN ('cash', 'card', 'transfer', 'yape_plin', 'insurer')),
        location_id uuid NOT NULL REFERENCES locations (id),
        cashier_id uuid NOT NULL REFERENCES users (id),
        doctor_id uuid REFERENCES doctors (id),
        patient_id uuid REFERENCES patients (id),
        invoice_id uuid REFERENCES invoices (id),
        adjustment_of_id uuid REFERENCES cash_transactions (id),
        comment text,
        status text NOT NULL DEFAULT 'posted' CONSTRAINT ck_cash_transactions_status CHECK (status IN ('posted', 'void')),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        business_date date NOT NULL,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_cash_transactions_not_ahead CHECK (occurred_at <= created_at + interval '5 minutes')
      )`);
    await db.query(
      `CREATE INDEX ix_cash_transactions_drawer ON cash_transactions (business_date, location_id, cashier_id)`,
    );
    await db.query(
      `CREATE INDEX ix_cash_transactions_doctor ON cash_transactions (doctor_id, business_date)`,
    );
    await db.query(`CREATE INDEX ix_cash_transactions_patient ON cash_transactions (patient_id)`);
    await db.query(`CREATE INDEX ix_cash_transactions_invoice ON cash_transactions (invoice_id)`);

    await db.query(`
      CREATE TABLE payments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        invoice_id uuid NOT NULL REFERENCES invoices (id),
        amount numeric(14, 2) NOT NULL CONSTRAINT ck_payments_amount CHECK (amount <> 0),
        method text NOT NULL
          CONSTRAINT ck_payments_method CHECK (method IN ('cash', 'card', 'transfer', 'yape_plin', 'insurer')),
        reference text,
        paid_at timestamptz NOT NULL DEFAULT now(),
        received_by uuid REFERENCES users (id),
        transaction_id uuid NOT NULL CONSTRAINT uq_payments_transaction UNIQUE REFERENCES cash_transactions (id),
        credit_note_id uuid REFERENCES invoices (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_payments_refund CHECK (amount > 0 OR credit_note_id IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX ix_payments_invoice ON payments (invoice_id, paid_at)`);
    await db.query(`CREATE INDEX ix_payments_paid_at ON payments (paid_at)`);

    await db.query(`
      CREATE TABLE cash_closes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        location_id uuid NOT NULL REFERENCES locations (id),
        cashier_id uuid NOT NULL REFERENCES users (id),
        business_date date NOT NULL,
        currency char(3) NOT NULL,
        notes text,
        closed_at timestamptz NOT NULL DEFAULT now(),
        closed_by uuid NOT NULL REFERENCES users (id),
        CONSTRAINT uq_cash_closes_drawer_day UNIQUE (location_id, cashier_id, business_date)
      )`);
    await db.query(`
      CREATE TABLE cash_close_lines (
        close_id uuid NOT NULL REFERENCES cash_closes (id),
        method text NOT NULL
          CONSTRAINT ck_cash_close_lines_method CHECK (method IN ('cash', 'card', 'transfer', 'yape_plin', 'insurer')),
        expected numeric(14, 2) NOT NULL,
        counted numeric(14, 2) NOT NULL CONSTRAINT ck_cash_close_lines_counted CHECK (counted >= 0),
        difference numeric(14, 2) GENERATED ALWAYS AS (counted - expected) STORED,
        PRIMARY KEY (close_id, method)
      )`);
    await db.query(`CREATE INDEX ix_cash_closes_day ON cash_closes (business_date)`);

    // The drawer lock: entries take it shared, the close exclusively, so a close counts every
    // entry of its day and none arrives after it.
    await db.query(`
      CREATE FUNCTION cash_drawer_lock(location uuid, cashier uuid, day date, exclusive boolean)
      RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        drawer int := hashtext(location::text || cashier::text);
        day_key int := day - date '2000-01-01';
      BEGIN
        IF exclusive THEN PERFORM pg_advisory_xact_lock(drawer, day_key);
        ELSE PERFORM pg_advisory_xact_lock_shared(drawer, day_key);
        END IF;
      END $$`);
    await db.query(`
      CREATE FUNCTION cash_transactions_day_open() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          NEW.business_date := (NEW.occurred_at AT TIME ZONE (SELECT time_zone FROM clinic_settings WHERE id = 1))::date;
        ELSIF TG_OP = 'UPDATE' THEN
          NEW.business_date := OLD.business_date;
          IF OLD.invoice_id IS NOT NULL THEN
            RAISE EXCEPTION 'the entry of a payment follows its payment'
              USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_cash_transactions_payment_entry';
          END IF;
          IF (NEW.occurred_at, NEW.location_id, NEW.cashier_id) IS DISTINCT FROM (OLD.occurred_at, OLD.location_id, OLD.cashier_id) THEN
            RAISE EXCEPTION 'the drawer and time of an entry cannot change'
              USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_cash_transactions_drawer_fixed';
          END IF;
        END IF;
        IF TG_OP <> 'INSERT' THEN
          PERFORM cash_drawer_lock(OLD.location_id, OLD.cashier_id, OLD.business_date, false);
          IF EXISTS (SELECT 1 FROM cash_closes c WHERE c.location_id = OLD.location_id
                     AND c.cashier_id = OLD.cashier_id AND c.business_date = OLD.business_date) THEN
            RAISE EXCEPTION 'cash day % is closed', OLD.business_date
              USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_cash_day_closed';
          END IF;
          IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION 'cash entries are never deleted'
              USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_cash_transactions_kept';
          END IF;
        ELSE
          PERFORM cash_drawer_lock(NEW.location_id, NEW.cashier_id, NEW.business_date, false);
          IF EXISTS (SELECT 1 FROM cash_closes c WHERE c.location_id = NEW.location_id
                     AND c.cashier_id = NEW.cashier_id AND c.business_date = NEW.business_date) THEN
            RAISE EXCEPTION 'cash day % is closed', NEW.business_date
              USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_cash_day_closed';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER tg_cash_transactions_day_open BEFORE INSERT OR UPDATE OR DELETE ON cash_transactions
        FOR EACH ROW EXECUTE FUNCTION cash_transactions_day_open()`);

    // Payments, closes and their lines are facts: corrections are new rows, never edits.
    await db.query(`
      CREATE FUNCTION billing_facts_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows cannot be changed or deleted', TG_TABLE_NAME
          USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_' || TG_TABLE_NAME || '_kept';
      END $$`);
    for (const table of ['payments', 'cash_closes', 'cash_close_lines']) {
      await db.query(`
        CREATE TRIGGER tg_${table}_kept BEFORE UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION billing_facts_kept()`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['payments', 'cash_closes', 'cash_close_lines']) {
      await db.query(`DROP TRIGGER tg_${table}_kept ON ${table}`);
    }
    await db.query(`DROP FUNCTION billing_facts_kept()`);
    await db.query(`DROP TABLE cash_close_lines`);
    await db.query(`DROP TABLE cash_closes`);
    await db.query(`DROP TABLE payments`);
    await db.query(`DROP TABLE cash_transactions`);
    await db.query(`DROP FUNCTION cash_transactions_day_open()`);
    await db.query(`DROP FUNCTION cash_drawer_lock(uuid, uuid, date, boolean)`);
    await db.query(`DROP TABLE invoice_items`);
    await db.query(`DROP FUNCTION invoice_items_keep_issued()`);
    await db.query(`DROP TABLE invoices`);
    await db.query(`DROP FUNCTION invoices_keep_issued()`);
    await db.query(`DROP TABLE invoice_series`);
    await db.query(`DROP TABLE products`);
    await db.query(`ALTER TABLE clinic_settings DROP COLUMN tax_id`);
  }
}
