import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AuditAction,
  ChangePasswordDto,
  LoginDto,
  passwordProblems,
  TokenResponseDto,
} from '@consultorio/shared/contracts';
import {
  AppEnvironment,
  AuditService,
  PasswordHasher,
  ProblemException,
  unprocessable,
  type AuthUser,
  type RequestContext,
} from '@consultorio/api/core';
import { toUserDto, UsersService, type UserEntity } from '@consultorio/api/users';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from './jwt.strategy';
import { PasswordResetService } from './password-reset.service';
import { SessionsService, type RotatedSession } from './sessions.service';

const invalidCredentials = () =>
  new ProblemException({
    status: 401,
    slug: 'invalid-credentials',
    title: 'Unauthorized',
    detail: 'The e-mail/username or the password is wrong, or the account is inactive.',
  });

const invalidRefresh = () =>
  new ProblemException({
    status: 401,
    slug: 'invalid-refresh-token',
    title: 'Unauthorized',
    detail: 'The refresh token is invalid, expired or already used. Log in again.',
  });

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: AppEnvironment,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly resets: PasswordResetService,
  ) {}

  /**
   * Same answer and similar timing for an unknown account, an inactive one and a wrong password:
   * the hash is verified in every case (against a dummy hash when there is no account).
   */
  async login(dto: LoginDto, context: RequestContext): Promise<TokenResponseDto> {
    const user = await this.users.findForLogin(dto.login);
    const valid = await this.hasher.verify(user?.passwordHash, dto.password);
    if (!user || !valid || !user.active) throw invalidCredentials();
    const session = await this.dataSource.transaction(async (manager) => {
      const opened = await this.sessions.open(manager, user.id, context);
      await this.audit.record(manager, context, {
        action: AuditAction.Login,
        entity: 'session',
        entityId: opened.sessionId,
        actor: { id: user.id, role: user.role },
      });
      return opened;
    });
    await this.users.recordLogin(user.id);
    return this.tokens(session, await this.users.findById(user.id));
  }

  async refresh(refreshToken: string): Promise<TokenResponseDto> {
    const result = await this.sessions.rotate(refreshToken);
    if (result.kind !== 'rotated') throw invalidRefresh();
    const user = await this.users.findById(result.session.userId);
    if (!user.active) throw invalidRefresh();
    return this.tokens(result.session, user);
  }

  async logout(user: AuthUser, context: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.revokeSession(manager, user.sessionId, 'logout');
      await this.audit.record(manager, context, {
        action: AuditAction.Logout,
        entity: 'session',
        entityId: user.sessionId,
      });
    });
  }

  /**
   * Changes the password after checking the current one, and ends the user's other sessions and
   * any unused password-reset link.
   */
  async changePassword(user: AuthUser, dto: ChangePasswordDto, context: RequestContext): Promise<void> {
    const account = await this.users.findById(user.id);
    const currentHash = await this.users.passwordHashOf(user.id);
    if (!(await this.hasher.verify(currentHash, dto.currentPassword))) {
      throw unprocessable('wrong-password', 'The current password is wrong.', [
        { field: 'currentPassword', code: 'wrongPassword', message: 'currentPassword is wrong' },
      ]);
    }
    if (passwordProblems(dto.newPassword, account).length > 0) {
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
      await this.users.setPasswordHash(manager, user.id, newHash);
      await this.sessions.revokeAllForUser(manager, user.id, 'password changed', user.sessionId);
      await this.resets.invalidate(manager, user.id);
      await this.audit.record(manager, context, {
        action: AuditAction.PasswordChange,
        entity: 'user',
        entityId: user.id,
        changes: { passwordHash: { before: '***', after: '***' } },
      });
    });
  }

  private async tokens(session: RotatedSession, user: UserEntity): Promise<TokenResponseDto> {
    const access = await this.jwt.signAsync(
      { sub: user.id, sid: session.sessionId, role: user.role },
      {
        algorithm: JWT_ALGORITHM,
        secret: this.env.JWT_SECRET,
        expiresIn: this.env.JWT_ACCESS_TTL_SECONDS,
        issuer: JWT_ISSUER,
        audience: JWT_AUDIENCE,
      },
    );
    return {
      access_token: access,
      token_type: 'Bearer',
      expires_in: this.env.JWT_ACCESS_TTL_SECONDS,
      refresh_token: session.refreshToken,
      refresh_expires_in: this.sessions.refreshTtlSeconds,
      user: toUserDto(user),
    };
  }
}
