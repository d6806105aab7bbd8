import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Clinical history: notes a doctor writes for an appointment of theirs. */
export class ClinicalNotes1764200000000 implements MigrationInterface {
  name = 'ClinicalNotes1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE clinical_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        patient_id uuid NOT NULL REFERENCES patients (id),
        appointment_id uuid NOT NULL REFERENCES appointments (id),
        doctor_id uuid NOT NULL REFERENCES doctors (id),
        diagnosis text CONSTRAINT ck_clinical_notes_diagnosis CHECK (length(diagnosis) <= 2000),
        treatment text CONSTRAINT ck_clinical_notes_treatment CHECK (length(treatment) <= 4000),
        notes text CONSTRAINT ck_clinical_notes_notes CHECK (length(notes) <= 10000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_clinical_notes_content CHECK (coalesce(diagnosis, treatment, notes) IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX ix_clinical_notes_patient ON clinical_notes (patient_id, created_at DESC)`);
    await db.query(`CREATE INDEX ix_clinical_notes_appointment ON clinical_notes (appointment_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE clinical_notes`);
  }
}
