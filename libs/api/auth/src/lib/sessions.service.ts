import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not, type EntityManager } from 'typeorm';
import type { Role } from '@consultorio/shared/contracts';
import { AppEnvironment, preparedQuery, type RequestContext } from '@consultorio/api/core';
import { UserSessionsPort } from '@consultorio/api/users';
import { RefreshTokenEntity, SessionEntity } from './session.entity';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface RotatedSession {
  sessionId: string;
  userId: string;
  refreshToken: string;
}

/** Outcome of presenting a refresh token. `reused` means an old token came back: the session is revoked. */
export type RotationResult =
  { kind: 'rotated'; session: RotatedSession } | { kind: 'invalid' } | { kind: 'reused' };

@Injectable()
export class SessionsService extends UserSessionsPort {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: AppEnvironment,
  ) {
    super();
  }

  get refreshTtlSeconds(): number {
    return this.env.REFRESH_TTL_DAYS * 86400;
  }

  /** Opens a session for `userId` and returns its first refresh token. */
  async open(manager: EntityManager, userId: string, context: RequestContext): Promise<RotatedSession> {
    const session = await manager.save(
      manager.create(SessionEntity, {
        userId,
        expiresAt: new Date(Date.now() + this.refreshTtlSeconds * 1000),
        ip: context.ip,
        userAgent: context.userAgent,
      }),
    );
    const refreshToken = await this.issueToken(manager, session.id);
    return { sessionId: session.id, userId, refreshToken };
  }

  /**
   * Exchanges a refresh token for a new one in the same session. The row lock makes two concurrent
   * uses of one token count as a reuse, which revokes the whole session (token theft signal).
   */
  rotate(refreshToken: string): Promise<RotationResult> {
    return this.dataSource.transaction(async (manager) => {
      const token = await manager.findOne(RefreshTokenEntity, {
        where: { tokenHash: hashToken(refreshToken) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!token) return { kind: 'invalid' } as const;
      const session = await manager.findOne(SessionEntity, {
        where: { id: token.sessionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!session || session.revokedAt || session.expiresAt.getTime() <= Date.now())
        return { kind: 'invalid' } as const;
      if (token.usedAt) {
        await this.revokeSession(manager, session.id, 'refresh token reused');
        return { kind: 'reused' } as const;
      }
      await manager.update(RefreshTokenEntity, { id: token.id }, { usedAt: () => 'now()' });
      const next = await this.issueToken(manager, session.id);
      return {
        kind: 'rotated',
        session: { sessionId: session.id, userId: session.userId, refreshToken: next },
      } as const;
    });
  }

  async revokeSession(manager: EntityManager, sessionId: string, reason: string): Promise<void> {
    await manager.update(
      SessionEntity,
      { id: sessionId, revokedAt: IsNull() },
      { revokedAt: () => 'now()', revokedReason: reason },
    );
  }

  /** Ends every live session of the user, except `keepSessionId` when given. */
  async revokeAllForUser(
    manager: EntityManager,
    userId: string,
    reason: string,
    keepSessionId?: string,
  ): Promise<void> {
    await manager.update(
      SessionEntity,
      { userId, revokedAt: IsNull(), ...(keepSessionId ? { id: Not(keepSessionId) } : {}) },
      { revokedAt: () => 'now()', revokedReason: reason },
    );
  }

  /** The current role of the session's user when the session is live and the user active; else null. */
  async activePrincipal(sessionId: string, userId: string): Promise<{ role: Role } | null> {
    // Runs on every authenticated request: a named prepared statement straight on the pool.
    const rows = await preparedQuery<{ role: Role }>(
      this.dataSource,
      'consultorio-active-principal',
      `SELECT u.role FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [sessionId, userId],
    );
    return rows[0] ?? null;
  }

  private async issueToken(manager: EntityManager, sessionId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await manager.insert(RefreshTokenEntity, { sessionId, tokenHash: hashToken(token) });
    return token;
  }
}
