import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditAction, Language, Role } from '@consultorio/shared/contracts';
import { AuditService, PasswordHasher } from '@consultorio/api/core';
import { UserEntity } from './user.entity';

/** DEMO ONLY: the password of every demo account. Demo data is refused in production. */
export const DEMO_PASSWORD = 'consultorio-demo';

export const DEMO_USERS: readonly { role: Role; username: string; email: string; fullName: string }[] = [
  {
    role: Role.Superadmin,
    username: 'superadmin',
    email: 'superadmin@consultorio.test',
    fullName: 'Sofía Superadmin',
  },
  { role: Role.Admin, username: 'admin', email: 'admin@consultorio.test', fullName: 'Andrés Administrador' },
  {
    role: Role.Receptionist,
    username: 'receptionist',
    email: 'receptionist@consultorio.test',
    fullName: 'Rocío Recepción',
  },
  { role: Role.Doctor, username: 'doctor', email: 'doctor@consultorio.test', fullName: 'Dra. Daniela Núñez' },
  { role: Role.Patient, username: 'patient', email: 'patient@consultorio.test', fullName: 'José Peña' },
];

// Two instances starting on an empty database must not both seed it.
const SEED_LOCK_KEY = 4_242_102;

@Injectable()
export class DemoUsersSeeder {
  private readonly logger = new Logger('Demo');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  /** Creates one demo user per role when the database has no users. Returns whether it did. */
  async seedIfEmpty(): Promise<boolean> {
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
      if ((await manager.count(UserEntity)) > 0) return false;
      for (const demo of DEMO_USERS) {
        const user = await manager.save(
          manager.create(UserEntity, { ...demo, passwordHash, preferredLanguage: Language.Es }),
        );
        await this.audit.record(manager, null, {
          action: AuditAction.Create,
          entity: 'user',
          entityId: user.id,
        });
      }
      this.logger.log('Demo clinic created');
      return true;
    });
  }
}
