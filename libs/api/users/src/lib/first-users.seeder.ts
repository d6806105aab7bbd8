import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditAction, Language, Role } from '@consultorio/shared/contracts';
import { AppEnvironment, AuditService, PasswordHasher } from '@consultorio/api/core';
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

type NewUser = Pick<UserEntity, 'role' | 'username' | 'email' | 'fullName' | 'passwordHash'>;

/**
 * Creates the first accounts of an empty database: the superadmin named by
 * `INITIAL_SUPERADMIN_EMAIL`/`_PASSWORD` (how production starts), and with `SEED_DEMO` one demo
 * user per role. Does nothing once any user exists.
 */
@Injectable()
export class FirstUsersSeeder {
  private readonly logger = new Logger('Seed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly env: AppEnvironment,
  ) {}

  /** Returns the number of users created. */
  async seedIfEmpty(): Promise<number> {
    const users = await this.firstUsers();
    if (users.length === 0) return 0;
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
      if ((await manager.count(UserEntity)) > 0) return 0;
      for (const fields of users) {
        const user = await manager.save(
          manager.create(UserEntity, { ...fields, preferredLanguage: Language.Es }),
        );
        await this.audit.record(manager, null, {
          action: AuditAction.Create,
          entity: 'user',
          entityId: user.id,
        });
      }
      this.logger.log(
        `Created ${users.length} first user(s)${this.env.SEED_DEMO ? ', with the demo clinic' : ''}`,
      );
      return users.length;
    });
  }

  private async firstUsers(): Promise<NewUser[]> {
    const users: NewUser[] = [];
    const { INITIAL_SUPERADMIN_EMAIL: email, INITIAL_SUPERADMIN_PASSWORD: password } = this.env;
    if (email && password) {
      users.push({
        role: Role.Superadmin,
        email,
        username: email.split('@')[0].replace(/[^a-zA-Z0-9._-]/g, '') || 'superadmin',
        fullName: 'Superadmin',
        passwordHash: await this.hasher.hash(password),
      });
    }
    if (this.env.SEED_DEMO) {
      const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
      const taken = new Set(users.flatMap((user) => [user.username, user.email]));
      for (const demo of DEMO_USERS) {
        if (!taken.has(demo.username) && !taken.has(demo.email)) users.push({ ...demo, passwordHash });
      }
    }
    return users;
  }
}
