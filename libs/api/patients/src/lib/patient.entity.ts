import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DocumentType, Gender, Language, PatientStatus } from '@consultorio/shared/contracts';

@Entity('patients')
export class PatientEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  firstNames!: string;

  @Column({ type: 'text' })
  lastNames!: string;

  @Column({ type: 'text', nullable: true })
  documentType!: DocumentType | null;

  @Column({ type: 'text', nullable: true })
  documentNumber!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'date', nullable: true })
  birthDate!: string | null;

  @Column({ type: 'text', default: 'unspecified' })
  gender!: Gender;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'text', default: 'active' })
  status!: PatientStatus;

  @Column({ type: 'uuid', nullable: true })
  leadSourceId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  insurerId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  businessLineId!: string | null;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true })
  budget!: string | null;

  @Column({ type: 'text', nullable: true })
  emergencyContactName!: string | null;

  @Column({ type: 'text', nullable: true })
  emergencyContactPhone!: string | null;

  @Column({ type: 'text', nullable: true })
  allergies!: string | null;

  @Column({ type: 'text', nullable: true })
  medicalHistory!: string | null;

  @Column({ type: 'boolean', default: false })
  marketingConsent!: boolean;

  @Column({ type: 'text', default: 'es' })
  preferredLanguage!: Language;

  /** The patient-role account the patient signs in with, if any. */
  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
