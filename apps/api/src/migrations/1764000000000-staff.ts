import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Doctors, their weekly hours, special hours, blocks, and clinic holidays. */
export class Staff1764000000000 implements MigrationInterface {
  name = 'Staff1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE timerange AS RANGE (subtype = time)`);
    await db.query(`
      CREATE TABLE doctors (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL CONSTRAINT uq_doctors_user UNIQUE REFERENCES users (id),
        document_id text,
        license_number citext NOT NULL CONSTRAINT uq_doctors_license_number UNIQUE,
        years_experience integer CONSTRAINT ck_doctors_years CHECK (years_experience BETWEEN 0 AND 70),
        consultation_fee numeric(12, 2) CONSTRAINT ck_doctors_fee CHECK (consultation_fee >= 0),
        bio text,
        color text NOT NULL CONSTRAINT ck_doctors_color CHECK (color ~ '^#[0-9a-fA-F]{6}$'),
        available boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE doctor_specialties (
        doctor_id uuid NOT NULL REFERENCES doctors (id) ON DELETE CASCADE,
        specialty_id uuid NOT NULL REFERENCES specialties (id),
        PRIMARY KEY (doctor_id, specialty_id)
      )`);
    await db.query(`
      CREATE TABLE doctor_locations (
        doctor_id uuid NOT NULL REFERENCES doctors (id) ON DELETE CASCADE,
        location_id uuid NOT NULL REFERENCES locations (id),
        PRIMARY KEY (doctor_id, location_id)
      )`);
    await db.query(`CREATE INDEX ix_doctor_specialties_specialty ON doctor_specialties (specialty_id)`);
    await db.query(`CREATE INDEX ix_doctor_locations_location ON doctor_locations (location_id)`);

    // Hours belong to a location the doctor works at (composite foreign key), and one doctor's
    // ranges never overlap on a weekday while their validity periods overlap, whatever the location.
    await db.query(`
      CREATE TABLE working_hours (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        doctor_id uuid NOT NULL,
        location_id uuid NOT NULL,
        weekday smallint NOT NULL CONSTRAINT ck_working_hours_weekday CHECK (weekday BETWEEN 1 AND 7),
        start_time time NOT NULL,
        end_time time NOT NULL,
        valid_from date NOT NULL DEFAULT current_date,
        valid_to date,
        CONSTRAINT ck_working_hours_times CHECK (start_time < end_time),
        CONSTRAINT ck_working_hours_validity CHECK (valid_to IS NULL OR valid_to >= valid_from),
        CONSTRAINT fk_working_hours_doctor_location FOREIGN KEY (doctor_id, location_id)
          REFERENCES doctor_locations (doctor_id, location_id),
        CONSTRAINT ex_working_hours_overlap EXCLUDE USING gist (
          doctor_id WITH =,
          weekday WITH =,
          timerange(start_time, end_time) WITH &&,
          daterange(valid_from, valid_to, '[]') WITH &&
        )
      )`);
    await db.query(`
      CREATE TABLE special_hours (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        doctor_id uuid NOT NULL,
        location_id uuid NOT NULL,
        date date NOT NULL,
        start_time time NOT NULL,
        end_time time NOT NULL,
        CONSTRAINT ck_special_hours_times CHECK (start_time < end_time),
        CONSTRAINT fk_special_hours_doctor_location FOREIGN KEY (doctor_id, location_id)
          REFERENCES doctor_locations (doctor_id, location_id),
        CONSTRAINT ex_special_hours_overlap EXCLUDE USING gist (
          doctor_id WITH =,
          date WITH =,
          timerange(start_time, end_time) WITH &&
        )
      )`);
    await db.query(`
      CREATE TABLE schedule_blocks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        doctor_id uuid NOT NULL REFERENCES doctors (id) ON DELETE CASCADE,
        kind text NOT NULL CONSTRAINT ck_schedule_blocks_kind CHECK (kind IN ('vacation', 'block')),
        period tstzrange NOT NULL CONSTRAINT ck_schedule_blocks_period CHECK (NOT isempty(period) AND NOT upper_inf(period) AND NOT lower_inf(period)),
        reason text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX ix_schedule_blocks_doctor_period ON schedule_blocks USING gist (doctor_id, period)`,
    );
    await db.query(`
      CREATE TABLE holidays (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        date date NOT NULL CONSTRAINT uq_holidays_date UNIQUE,
        name text NOT NULL CONSTRAINT ck_holidays_name CHECK (length(btrim(name)) BETWEEN 1 AND 120)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `DROP TABLE holidays, schedule_blocks, special_hours, working_hours, doctor_locations, doctor_specialties, doctors`,
    );
    await db.query(`DROP TYPE timerange`);
  }
}
