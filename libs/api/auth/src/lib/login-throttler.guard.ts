import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { ProblemException } from '@consultorio/api/core';

/** Throttles credential and password-reset endpoints per client IP and per account; answers 429 with `Retry-After`. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire || detail.timeToExpire));
    context.switchToHttp().getResponse<FastifyReply>().header('Retry-After', String(seconds));
    throw new ProblemException({
      status: 429,
      slug: 'too-many-requests',
      title: 'Too Many Requests',
      detail: `Too many attempts; try again in ${seconds} seconds.`,
      extensions: { retryAfter: seconds },
    });
  }
}

/** The per-account tracker: the login name (or, to ask for a password reset, the e-mail) as typed, case-insensitive. */
export function accountTracker(request: Record<string, unknown>): string {
  const body = request['body'] as { login?: unknown; email?: unknown } | undefined;
  const account = body?.login ?? body?.email;
  return `account:${typeof account === 'string' ? account.trim().toLowerCase() : ''}`;
}
