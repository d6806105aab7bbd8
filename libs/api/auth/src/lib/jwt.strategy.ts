import { createSecretKey, type KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppEnvironment, type AuthUser } from '@consultorio/api/core';
import { SessionsService } from './sessions.service';

export const JWT_ALGORITHM = 'HS256';
export const JWT_ISSUER = 'consultorio';
export const JWT_AUDIENCE = 'consultorio-api';

interface AccessClaims {
  sub: string;
  sid: string;
}

/**
 * Verifies access tokens (algorithm pinned, issuer and audience checked) and that their session
 * is still live and the user active, so logout, deactivation and password changes take effect at once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    env: AppEnvironment,
    private readonly sessions: SessionsService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a
      // public key on every request, which cost a third of the CPU of an authenticated request.
      secretOrKey: createSecretKey(
        Buffer.from(env.JWT_SECRET, 'utf8'),
      ) satisfies KeyObject as unknown as string,
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessClaims): Promise<AuthUser | null> {
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return null;
    const principal = await this.sessions.activePrincipal(claims.sid, claims.sub);
    return principal ? { id: claims.sub, role: principal.role, sessionId: claims.sid } : null;
  }
}
