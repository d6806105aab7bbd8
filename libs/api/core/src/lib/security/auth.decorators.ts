import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Role } from '@consultorio/shared/contracts';

export const IS_PUBLIC = 'consultorio:isPublic';
export const ROLES = 'consultorio:roles';

/** Marks a route as reachable without authentication (login, refresh, health, signed links). */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension('x-public', true));

/**
 * The roles allowed on a route. Every non-public route must have one: routes without it are denied
 * (default deny), and the route-walking test fails.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ROLES, roles), ApiBearerAuth(), ApiExtension('x-roles', roles));

/** The authenticated principal, as attached to the request by the JWT strategy. */
export interface AuthUser {
  id: string;
  role: Role;
  sessionId: string;
}

/** Who does what, from where: the facts every audited write records. */
export interface RequestContext {
  user: AuthUser | null;
  ip: string | null;
  requestId: string;
  userAgent: string | null;
}

export function requestContextOf(request: FastifyRequest): RequestContext {
  const user = (request as FastifyRequest & { user?: AuthUser }).user ?? null;
  const userAgent = request.headers['user-agent'];
  return {
    user,
    ip: request.ip ?? null,
    requestId: String(request.id),
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 300) : null,
  };
}

/** Injects the {@link RequestContext} of the current request. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext) =>
  requestContextOf(context.switchToHttp().getRequest<FastifyRequest>()),
);

/** Injects the authenticated {@link AuthUser}. */
export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext) =>
    context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>().user,
);
