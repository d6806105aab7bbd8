import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditAction, AuditEntryDto, AuditQueryDto, Page } from '@consultorio/shared/contracts';
import { paginate } from '../pagination/paginate';
import type { RequestContext } from '../security/auth.decorators';
import { AuditEntryEntity } from './audit-entry.entity';

export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

/** Fields whose values never reach the audit log. */
const SECRET_FIELDS = new Set([
  'password',
  'passwordHash',
  'tokenHash',
  'refreshToken',
  'currentPassword',
  'newPassword',
]);
const MASK = '***';

function normalise(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : (value ?? null);
}

/**
 * The fields that differ between `before` and `after` (either may be null for a create or a
 * delete), limited to `fields`, with secrets masked.
 */
export function diffChanges<T extends object>(
  before: T | null,
  after: T | null,
  fields: (keyof T & string)[],
): AuditChanges {
  const changes: AuditChanges = {};
  for (const field of fields) {
    const old = normalise(before?.[field]);
    const now = normalise(after?.[field]);
    if (JSON.stringify(old) === JSON.stringify(now)) continue;
    changes[field] = SECRET_FIELDS.has(field)
      ? { before: before ? MASK : null, after: after ? MASK : null }
      : { before: old, after: now };
  }
  return changes;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records an action through `manager`, so it commits or rolls back with the change itself. */
  async record(
    manager: EntityManager,
    context: RequestContext | null,
    entry: {
      action: AuditAction;
      entity: string;
      entityId?: string | null;
      changes?: AuditChanges;
      /** The actor when the request has no authenticated user yet (login). */
      actor?: { id: string; role: string };
    },
  ): Promise<void> {
    await manager.insert(AuditEntryEntity, {
      actorId: entry.actor?.id ?? context?.user?.id ?? null,
      actorRole: entry.actor?.role ?? context?.user?.role ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      changes: (entry.changes ?? {}) as object,
      ip: context?.ip ?? null,
      requestId: context?.requestId ?? null,
      userAgent: context?.userAgent ?? null,
    });
  }

  list(query: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    const builder = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a');
    if (query.actorId) builder.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.entity) builder.andWhere('a.entity = :entity', { entity: query.entity });
    if (query.entityId) builder.andWhere('a.entity_id = :entityId', { entityId: query.entityId });
    if (query.action) builder.andWhere('a.action = :action', { action: query.action });
    if (query.from) builder.andWhere('a.at >= :from', { from: query.from });
    if (query.to) builder.andWhere('a.at < :to', { to: query.to });
    return paginate(builder, query, {
      sortable: { at: 'a.at' },
      defaultSort: '-at',
      tieBreaker: 'a.id',
      map: (entry) => ({
        id: entry.id,
        at: entry.at.toISOString(),
        actorId: entry.actorId,
        actorRole: entry.actorRole,
        action: entry.action as AuditAction,
        entity: entry.entity,
        entityId: entry.entityId,
        changes: entry.changes,
        ip: entry.ip,
        requestId: entry.requestId,
      }),
    });
  }
}
