import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AuditAction,
  canManageRole,
  CreateUserDto,
  Page,
  passwordProblems,
  Role,
  UpdateProfileDto,
  UpdateUserDto,
  UserDto,
  UserQueryDto,
} from '@consultorio/shared/contracts';
import {
  AuditService,
  diffChanges,
  forbidden,
  notFound,
  paginate,
  PasswordHasher,
  unprocessable,
  type RequestContext,
} from '@consultorio/api/core';
import { UserEntity } from './user.entity';
import { AUDITED_USER_FIELDS, toUserDto } from './user.mapper';
import { UserSessionsPort } from './user-sessions.port';

// Serialises changes that could leave the clinic without an active superadmin.
const SUPERADMIN_LOCK_KEY = 4_242_101;

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: UserSessionsPort,
  ) {}

  /** The user with this e-mail or username (case-insensitive), with its password hash. */
  findForLogin(login: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :login OR u.username = :login', { login: login.trim() })
      .getOne();
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<UserEntity> {
    const user = await manager.findOne(UserEntity, { where: { id } });
    if (!user) throw notFound('User');
    return user;
  }

  async get(id: string): Promise<UserDto> {
    return toUserDto(await this.findById(id));
  }

  async passwordHashOf(id: string): Promise<string | null> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id })
      .getOne();
    return user?.passwordHash ?? null;
  }

  async recordLogin(id: string): Promise<void> {
    await this.dataSource.getRepository(UserEntity).update({ id }, { lastLoginAt: () => 'now()' });
  }

  list(query: UserQueryDto): Promise<Page<UserDto>> {
    const builder = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    if (query.q?.trim()) {
      builder.andWhere(
        `(unaccent(u.full_name) ILIKE unaccent(:q) OR u.email::text ILIKE :q OR u.username::text ILIKE :q)`,
        { q: `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` },
      );
    }
    if (query.role) builder.andWhere('u.role = :role', { role: query.role });
    if (query.active) builder.andWhere('u.active = :active', { active: query.active === 'true' });
    return paginate(builder, query, {
      sortable: {
        fullName: 'u.full_name',
        email: 'u.email',
        username: 'u.username',
        role: 'u.role',
        createdAt: 'u.created_at',
        lastLoginAt: 'u.last_login_at',
      },
      defaultSort: 'fullName',
      tieBreaker: 'u.id',
      map: toUserDto,
    });
  }

  async create(dto: CreateUserDto, context: RequestContext): Promise<UserDto> {
    this.assertCanManage(context, dto.role);
    const passwordHash = await this.hasher.hash(dto.password);
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(UserEntity, {
          email: dto.email,
          username: dto.username,
          fullName: dto.fullName,
          phone: dto.phone ?? null,
          role: dto.role,
          preferredLanguage: dto.preferredLanguage,
          passwordHash,
        }),
      );
      const user = await this.findById(saved.id, manager);
      await this.audit.record(manager, context, {
        action: AuditAction.Create,
        entity: 'user',
        entityId: user.id,
        changes: diffChanges(null, { ...user, passwordHash }, AUDITED_USER_FIELDS),
      });
      return toUserDto(user);
    });
  }

  async update(id: string, dto: UpdateUserDto, context: RequestContext): Promise<UserDto> {
    const passwordHash = dto.password ? await this.hasher.hash(dto.password) : undefined;
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SUPERADMIN_LOCK_KEY]);
      const before = await manager
        .getRepository(UserEntity)
        .createQueryBuilder('u')
        .addSelect('u.passwordHash')
        .setLock('pessimistic_write')
        .where('u.id = :id', { id })
        .getOne();
      if (!before) throw notFound('User');
      this.assertCanManage(context, before.role);
      if (dto.role) this.assertCanManage(context, dto.role);
      if (dto.password) {
        const problems = passwordProblems(dto.password, {
          email: dto.email ?? before.email,
          username: dto.username ?? before.username,
        });
        if (problems.length) {
          throw unprocessable('password-rules', 'The password may not be the e-mail or username.', [
            {
              field: 'password',
              code: 'isAllowedPassword',
              message: 'password must not be the e-mail or username',
            },
          ]);
        }
      }
      const deactivating = dto.active === false && before.active;
      if (deactivating && before.id === context.user?.id) {
        throw unprocessable('self-deactivation', 'You cannot deactivate your own account.', [
          { field: 'active', code: 'selfDeactivation', message: 'you cannot deactivate yourself' },
        ]);
      }
      const losesSuperadmin =
        before.role === Role.Superadmin &&
        before.active &&
        (deactivating || (dto.role && dto.role !== Role.Superadmin));
      if (losesSuperadmin) await this.assertAnotherActiveSuperadmin(manager, before.id);

      const changes: Partial<UserEntity> = {
        email: dto.email,
        username: dto.username,
        fullName: dto.fullName,
        phone: dto.phone,
        role: dto.role,
        preferredLanguage: dto.preferredLanguage,
        active: dto.active,
        passwordHash,
      };
      const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      if (Object.keys(defined).length > 0) await manager.update(UserEntity, { id }, defined);
      const after = {
        ...(await this.findById(id, manager)),
        passwordHash: passwordHash ?? before.passwordHash,
      };
      if (deactivating || passwordHash || (dto.role && dto.role !== before.role)) {
        await this.sessions.revokeAllForUser(
          manager,
          id,
          deactivating ? 'deactivated' : 'credentials changed',
        );
      }
      await this.audit.record(manager, context, {
        action: AuditAction.Update,
        entity: 'user',
        entityId: id,
        changes: diffChanges(before, after, AUDITED_USER_FIELDS),
      });
      return toUserDto(after);
    });
  }

  async updateProfile(id: string, dto: UpdateProfileDto, context: RequestContext): Promise<UserDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.findById(id, manager);
      const defined = Object.fromEntries(
        Object.entries({
          fullName: dto.fullName,
          phone: dto.phone,
          preferredLanguage: dto.preferredLanguage,
        }).filter(([, value]) => value !== undefined),
      );
      if (Object.keys(defined).length > 0) await manager.update(UserEntity, { id }, defined);
      const after = await this.findById(id, manager);
      await this.audit.record(manager, context, {
        action: AuditAction.Update,
        entity: 'user',
        entityId: id,
        changes: diffChanges(before, after, AUDITED_USER_FIELDS),
      });
      return toUserDto(after);
    });
  }

  /** Stores a new password hash inside the caller's transaction (audited by the caller). */
  async setPasswordHash(manager: EntityManager, id: string, passwordHash: string): Promise<void> {
    await manager.update(UserEntity, { id }, { passwordHash });
  }

  private assertCanManage(context: RequestContext, target: Role): void {
    const actor = context.user?.role;
    if (!actor || !canManageRole(actor, target)) {
      throw forbidden(`A ${actor ?? 'guest'} may not manage ${target} accounts.`);
    }
  }

  private async assertAnotherActiveSuperadmin(manager: EntityManager, exceptId: string): Promise<void> {
    const others = await manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.role = :role AND u.active AND u.id <> :id', { role: Role.Superadmin, id: exceptId })
      .getCount();
    if (others === 0) {
      throw unprocessable('last-superadmin', 'The last active superadmin cannot be deactivated or demoted.', [
        { field: 'active', code: 'lastSuperadmin', message: 'the last active superadmin must stay' },
      ]);
    }
  }
}
