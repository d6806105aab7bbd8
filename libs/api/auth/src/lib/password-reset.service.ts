import { createHash, randomBytes } from 'node:crypto';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AuditAction,
  ConfirmPasswordResetDto,
  Language,
  MessageTemplate,
  passwordProblems,
  PasswordResetRequestedDto,
  RequestPasswordResetDto,
} from '@consultorio/shared/contracts';
import {
  AppEnvironment,
  AuditService,
  PasswordHasher,
  ProblemException,
  publicUrl,
  unprocessable,
  type RequestContext,
} from '@consultorio/api/core';
import { OutboxService, renderPasswordResetMail } from '@consultorio/api/notifications';
import { UsersService, type UserEntity } from '@consultorio/api/users';
import { SessionsService } from './sessions.service';

/** Serialises the requests of one user, so "a new link replaces the old one" holds under races. */
const RESET_LOCK_KEY = 4_242_102;

const REQUESTED_MESSAGE =
  'If the address belongs to an active account, a link to choose a new password is on its way.';

const invalidResetToken = () =>
  new ProblemException({
    status: 422,
    slug: 'invalid-reset-token',
    title: 'Unprocessable Content',
    detail: 'The password-reset link is invalid, expired or already used. Ask for a new one.',
    errors: [
      { field: 'token', code: 'invalidResetToken', message: 'token is invalid, expired or already used' },
    ],
  });

/** Only the SHA-256 of a token is stored; the token itself exists only in the e-mail. */
const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/** A reset link that may still be used: neither used nor replaced, and not expired. */
const LIVE = 'used_at IS NULL AND invalidated_at IS NULL AND expires_at > now()';

/**
 * Password reset by e-mail. A request is answered at once, the same way for every address; the
 * account is looked up and the e-mail queued after the answer, so neither the body nor the time
 * tells whether the address has an account. A link is a 32-byte random token, valid for
 * PASSWORD_RESET_TTL_MINUTES, once; using it sets the password and ends every session of the user.
 */
@Injectable()
export class PasswordResetService implements OnModuleDestroy {
  private readonly logger = new Logger(PasswordResetService.name);
  /** Accepted requests still being handled. */
  private readonly pending = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: AppEnvironment,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** Accepts a request; the link is issued in the background (see the class comment). */
  request(dto: RequestPasswordResetDto, context: RequestContext): PasswordResetRequestedDto {
    const work: Promise<void> = this.issue(dto.email, context)
      .catch((error: unknown) =>
        this.logger.error(
          `Password-reset request not handled: ${error instanceof Error ? error.message : error}`,
        ),
      )
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
    return { message: REQUESTED_MESSAGE, expiresInMinutes: this.env.PASSWORD_RESET_TTL_MINUTES };
  }

  /** Resolves once every accepted request has been handled. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  onModuleDestroy(): Promise<void> {
    return this.idle();
  }

  /**
   * Sets the new password with a live link's token. The link is marked used in the transaction of
   * the password change by a conditional update, so of two concurrent confirmations one wins.
   */
  async confirm(dto: ConfirmPasswordResetDto, context: RequestContext): Promise<void> {
    const hash = tokenHash(dto.token);
    const [reset] = await this.dataSource.query<{ id: string; user_id: string }[]>(
      `SELECT id, user_id FROM password_resets WHERE token_hash = $1 AND ${LIVE}`,
      [hash],
    );
    if (!reset) throw invalidResetToken();
    const user = await this.users.findById(reset.user_id);
    if (!user.active) throw invalidResetToken();
    if (passwordProblems(dto.newPassword, user).length > 0) {
      throw unprocessable('password-rules', 'The new password may not be the e-mail or username.', [
        {
          field: 'newPassword',
          code: 'isAllowedPassword',
          message: 'newPassword must not be the e-mail or username',
        },
      ]);
    }
    const newHash = await this.hasher.hash(dto.newPassword);
    await this.dataSource.transaction(async (manager) => {
      // TypeORM answers an UPDATE … RETURNING with [rows, count].
      const [used]: [{ id: string }[], number] = await manager.query(
        `UPDATE password_resets SET used_at = now(), used_ip = $2 WHERE id = $1 AND ${LIVE} RETURNING id`,
        [reset.id, context.ip],
      );
      if (used.length === 0) throw invalidResetToken();
      await this.users.setPasswordHash(manager, user.id, newHash);
      await this.sessions.revokeAllForUser(manager, user.id, 'password reset');
      await this.audit.record(manager, context, {
        action: AuditAction.PasswordChange,
        entity: 'user',
        entityId: user.id,
        actor: { id: user.id, role: user.role },
        changes: {
          passwordHash: { before: '***', after: '***' },
          passwordResetId: { before: null, after: reset.id },
        },
      });
    });
  }

  /** Ends the user's unused links (after a password change, a link asked for before is moot). */
  async invalidate(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(
      `UPDATE password_resets SET invalidated_at = now()
        WHERE user_id = $1 AND used_at IS NULL AND invalidated_at IS NULL`,
      [userId],
    );
  }

  /** Issues a link to an active account with this e-mail, replacing its earlier links; else nothing. */
  private async issue(email: string, context: RequestContext): Promise<void> {
    const user = await this.users.findForLogin(email);
    if (!user || !user.active || user.email.toLowerCase() !== email.trim().toLowerCase()) return;
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [RESET_LOCK_KEY, user.id]);
      await this.invalidate(manager, user.id);
      const [reset] = await manager.query<{ id: string; expires_at: Date }[]>(
        `INSERT INTO password_resets (user_id, token_hash, expires_at, requested_ip)
         VALUES ($1, $2, now() + make_interval(mins => $3), $4) RETURNING id, expires_at`,
        [user.id, tokenHash(token), this.env.PASSWORD_RESET_TTL_MINUTES, context.ip],
      );
      await this.queueMail(manager, user, reset.id, token);
      await this.audit.record(manager, context, {
        action: AuditAction.Create,
        entity: 'password_reset',
        entityId: reset.id,
        changes: {
          userId: { before: null, after: user.id },
          expiresAt: { before: null, after: reset.expires_at.toISOString() },
        },
      });
    });
  }

  private async queueMail(
    manager: EntityManager,
    user: UserEntity,
    resetId: string,
    token: string,
  ): Promise<void> {
    const [settings] = await manager.query<{ name: string }[]>(
      `SELECT name FROM clinic_settings WHERE id = 1`,
    );
    const language = user.preferredLanguage === Language.En ? Language.En : Language.Es;
    const mail = renderPasswordResetMail({
      userName: user.fullName,
      clinicName: settings?.name ?? 'Consultorio',
      link: `${publicUrl(this.env)}/reset-password?token=${token}`,
      validMinutes: this.env.PASSWORD_RESET_TTL_MINUTES,
      language,
    });
    // Transactional mail: queued to go out at once, whatever the clinic's quiet hours.
    await this.outbox.enqueue(manager, {
      recipient: user.email,
      template: MessageTemplate.PasswordReset,
      locale: language,
      ...mail,
      relatedEntity: 'user',
      relatedId: user.id,
      dedupeKey: `password-reset:${resetId}`,
    });
  }
}
