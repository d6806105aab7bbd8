import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Patients, with an accent-free search text indexed for trigram (typo-tolerant) search. */
export class Patients1763950000000 implements MigrationInterface {
  name = 'Patients1763950000000';

  async up(db: QueryRunner): Promise<void> {
    // unaccent() is only STABLE (its dictionary could change); pinning the dictionary makes it safe
    // to use in a generated column and an index.
    await db.query(`
      CREATE FUNCTION immutable_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`);
    await db.query(`
      CREATE TABLE patients (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        first_names text NOT NULL CONSTRAINT ck_patients_first_names CHECK (length(btrim(first_names)) BETWEEN 1 AND 80),
        last_names text NOT NULL CONSTRAINT ck_patients_last_names CHECK (length(btrim(last_names)) BETWEEN 1 AND 80),
        document_type text CONSTRAINT ck_patients_document_type
          CHECK (document_type IN ('dni', 'ce', 'passport', 'rut', 'curp', 'other')),
        document_number text CONSTRAINT ck_patients_document_number CHECK (document_number ~ '^[A-Z0-9-]{4,20}$'),
        phone text,
        email text,
        birth_date date CONSTRAINT ck_patients_birth_date CHECK (birth_date BETWEEN '1900-01-01' AND '2200-01-01'),
        gender text NOT NULL DEFAULT 'unspecified'
          CONSTRAINT ck_patients_gender CHECK (gender IN ('female', 'male', 'other', 'unspecified')),
        address text,
        status text NOT NULL DEFAULT 'active' CONSTRAINT ck_patients_status CHECK (status IN ('prospect', 'active', 'inactive')),
        lead_source_id uuid REFERENCES lead_sources (id),
        insurer_id uuid REFERENCES insurers (id),
        business_line_id uuid REFERENCES business_lines (id),
        budget numeric(12, 2) CONSTRAINT ck_patients_budget CHECK (budget >= 0),
        emergency_contact_name text,
        emergency_contact_phone text,
        allergies text,
        medical_history text,
        marketing_consent boolean NOT NULL DEFAULT false,
        preferred_language text NOT NULL DEFAULT 'es' CONSTRAINT ck_patients_language CHECK (preferred_language IN ('es', 'en')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search_text text GENERATED ALWAYS AS (
          immutable_unaccent(lower(
            first_names || ' ' || last_names || ' ' || coalesce(document_number, '') || ' ' ||
            coalesce(regexp_replace(phone, '\\D', '', 'g'), '') || ' ' || coalesce(email, '')
          ))
        ) STORED,
        CONSTRAINT uq_patients_document UNIQUE (document_type, document_number),
        CONSTRAINT ck_patients_document_pair CHECK ((document_type IS NULL) = (document_number IS NULL))
      )`);
    await db.query(`CREATE INDEX ix_patients_search ON patients USING gin (search_text gin_trgm_ops)`);
    await db.query(`CREATE INDEX ix_patients_names ON patients (last_names, first_names, id)`);
    await db.query(`CREATE INDEX ix_patients_lead_source ON patients (lead_source_id)`);
    await db.query(`CREATE INDEX ix_patients_insurer ON patients (insurer_id)`);
    await db.query(`CREATE INDEX ix_patients_business_line ON patients (business_line_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE patients`);
    await db.query(`DROP FUNCTION immutable_unaccent(text)`);
  }
}
