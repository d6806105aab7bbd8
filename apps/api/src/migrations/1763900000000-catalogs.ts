import type { MigrationInterface, QueryRunner } from 'typeorm';

const NAMED = ['specialties', 'business_lines', 'lead_sources', 'zones'];

/** Clinic settings (one row) and the configuration catalogs. */
export class Catalogs1763900000000 implements MigrationInterface {
  name = 'Catalogs1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE clinic_settings (
        id smallint PRIMARY KEY DEFAULT 1 CONSTRAINT ck_clinic_settings_single CHECK (id = 1),
        name text NOT NULL DEFAULT 'Consultorio' CONSTRAINT ck_clinic_settings_name CHECK (length(btrim(name)) BETWEEN 1 AND 120),
        time_zone text NOT NULL DEFAULT 'America/Lima',
        currency char(3) NOT NULL DEFAULT 'PEN' CONSTRAINT ck_clinic_settings_currency CHECK (currency ~ '^[A-Z]{3}$'),
        locale text NOT NULL DEFAULT 'es-PE',
        tax_rate numeric(5, 4) NOT NULL DEFAULT 0.18 CONSTRAINT ck_clinic_settings_tax CHECK (tax_rate BETWEEN 0 AND 1),
        prices_include_tax boolean NOT NULL DEFAULT true,
        slot_granularity_minutes integer NOT NULL DEFAULT 15
          CONSTRAINT ck_clinic_settings_granularity CHECK (slot_granularity_minutes IN (5, 10, 15, 20, 30, 60)),
        default_buffer_minutes integer NOT NULL DEFAULT 0 CONSTRAINT ck_clinic_settings_buffer CHECK (default_buffer_minutes BETWEEN 0 AND 120),
        cancellation_policy_hours integer NOT NULL DEFAULT 24
          CONSTRAINT ck_clinic_settings_policy CHECK (cancellation_policy_hours BETWEEN 0 AND 720),
        reminder_offsets_hours integer[] NOT NULL DEFAULT '{24}'
          CONSTRAINT ck_clinic_settings_reminders CHECK (cardinality(reminder_offsets_hours) <= 4 AND 0 < ALL (reminder_offsets_hours)),
        phone text,
        email text,
        address text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`INSERT INTO clinic_settings (id) VALUES (1)`);

    for (const table of NAMED) {
      await db.query(`
        CREATE TABLE ${table} (
          id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
          name citext NOT NULL CONSTRAINT uq_${table}_name UNIQUE CONSTRAINT ck_${table}_name CHECK (length(btrim(name)) BETWEEN 1 AND 120),
          active boolean NOT NULL DEFAULT true,
          created_at timestamptz NOT NULL DEFAULT now(),
          updated_at timestamptz NOT NULL DEFAULT now()
        )`);
    }
    await db.query(`
      CREATE TABLE insurers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name citext NOT NULL CONSTRAINT ck_insurers_name CHECK (length(btrim(name)) BETWEEN 1 AND 120),
        code citext NOT NULL CONSTRAINT uq_insurers_code UNIQUE,
        kind text NOT NULL CONSTRAINT ck_insurers_kind CHECK (kind IN ('eps', 'isapre', 'insurer', 'other')),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE locations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name citext NOT NULL CONSTRAINT uq_locations_name UNIQUE CONSTRAINT ck_locations_name CHECK (length(btrim(name)) BETWEEN 1 AND 120),
        address text NOT NULL,
        zone_id uuid REFERENCES zones (id),
        phone text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE resources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        location_id uuid NOT NULL REFERENCES locations (id),
        name citext NOT NULL CONSTRAINT ck_resources_name CHECK (length(btrim(name)) BETWEEN 1 AND 120),
        type text NOT NULL CONSTRAINT ck_resources_type CHECK (type IN ('room', 'dental_chair', 'equipment')),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_resources_location_name UNIQUE (location_id, name)
      )`);
    await db.query(`
      CREATE TABLE treatments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name citext NOT NULL CONSTRAINT uq_treatments_name UNIQUE CONSTRAINT ck_treatments_name CHECK (length(btrim(name)) BETWEEN 1 AND 120),
        specialty_id uuid NOT NULL REFERENCES specialties (id),
        duration_minutes integer NOT NULL CONSTRAINT ck_treatments_duration CHECK (duration_minutes BETWEEN 5 AND 720),
        price numeric(12, 2) NOT NULL CONSTRAINT ck_treatments_price CHECK (price >= 0),
        business_line_id uuid REFERENCES business_lines (id),
        required_resource_type text CONSTRAINT ck_treatments_resource_type
          CHECK (required_resource_type IN ('room', 'dental_chair', 'equipment')),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX ix_resources_location ON resources (location_id)`);
    await db.query(`CREATE INDEX ix_treatments_specialty ON treatments (specialty_id)`);
    await db.query(`CREATE INDEX ix_locations_zone ON locations (zone_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `DROP TABLE treatments, resources, locations, insurers, ${NAMED.join(', ')}, clinic_settings`,
    );
  }
}
