import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Language, Role } from '@consultorio/shared/contracts';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Unique regardless of case (citext). */
  @Column({ type: 'citext' })
  email!: string;

  @Column({ type: 'citext' })
  username!: string;

  @Column({ type: 'text' })
  fullName!: string;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'text', default: Language.Es })
  preferredLanguage!: Language;

  @Column({ type: 'text', select: false })
  passwordHash!: string;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
