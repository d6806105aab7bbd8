import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A patient record may be linked to one patient-role user account (the portal login): through it
 * a patient sees, moves and cancels their own appointments, within the clinic's policy.
 */
export class PatientAccounts1764500000000 implements MigrationInterface {
  name = 'PatientAccounts1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE patients ADD COLUMN user_id uuid REFERENCES users(id)`);
    await db.query(`ALTER TABLE patients ADD CONSTRAINT uq_patients_user UNIQUE (user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE patients DROP COLUMN user_id`);
  }
}
