import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('doctors')
export class DoctorEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'text', nullable: true })
  documentId!: string | null;

  @Column({ type: 'citext' })
  licenseNumber!: string;

  @Column({ type: 'integer', nullable: true })
  yearsExperience!: number | null;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true })
  consultationFee!: string | null;

  @Column({ type: 'text', nullable: true })
  bio!: string | null;

  @Column({ type: 'text' })
  color!: string;

  @Column({ type: 'boolean', default: true })
  available!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
