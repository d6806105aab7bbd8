import { ExecutionContext, Injectable, type CanActivate } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Role } from '@consultorio/shared/contracts';
import { forbidden, ProblemException } from '../errors/problem.exception';
import { IS_PUBLIC, ROLES, type AuthUser } from './auth.decorators';

function isPublic(reflector: Reflector, context: ExecutionContext): boolean {
  return !!reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
}

/** Global guard: a valid access token on every route not marked `@Public()`. */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    if (isPublic(this.reflector, context)) return true;
    return super.canActivate(context);
  }

  override handleRequest<TUser>(error: unknown, user: TUser): TUser {
    if (error || !user) {
      throw new ProblemException({
        status: 401,
        slug: 'unauthorized',
        title: 'Unauthorized',
        detail: 'A valid access token is required.',
      });
    }
    return user;
  }
}

/** Global guard: the route's `@Roles()` must include the user's role; routes without roles are denied. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (isPublic(this.reflector, context)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!roles || roles.length === 0) throw forbidden('This route has no role policy.');
    if (!user || !roles.includes(user.role)) throw forbidden('Your role may not do this.');
    return true;
  }
}
