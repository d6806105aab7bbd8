import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppEnvironment } from '../config/environment';

/** What a signed link carries: its single purpose, the record it acts on, a version and its expiry. */
export interface SignedLinkClaims {
  /** One purpose per link (e.g. `appointment.confirm`): a token for one purpose is refused for any other. */
  purpose: string;
  /** The record the link acts on. */
  subject: string;
  /** What the record looked like when the link was made (e.g. the appointment's start), so a stale link is recognised. */
  version: string;
  /** Expiry, seconds since the epoch. */
  expiresAt: number;
}

/** Why a token was refused. */
export type SignedLinkProblem = 'malformed' | 'signature' | 'purpose' | 'expired';

export type VerifiedLink =
  | { ok: true; claims: SignedLinkClaims }
  | { ok: false; problem: SignedLinkProblem; claims?: SignedLinkClaims };

const encode = (value: Buffer | string) => Buffer.from(value).toString('base64url');

/**
 * Tokens for links in e-mails that act without logging in (confirm or cancel an appointment). A
 * token is `payload.signature`: the claims in base64url JSON and an HMAC-SHA256 over them with a
 * key derived from JWT_SECRET for this use only, so links can't be forged or turned to another
 * purpose, and rotating JWT_SECRET voids every outstanding link. Nothing is stored: the
 * record's own state (its version) makes a used or outdated link harmless.
 */
@Injectable()
export class SignedLinks {
  private readonly key: Buffer;

  constructor(env: AppEnvironment) {
    this.key = createHmac('sha256', env.JWT_SECRET).update('consultorio:signed-links:v1').digest();
  }

  sign(claims: SignedLinkClaims): string {
    const payload = encode(
      JSON.stringify({ p: claims.purpose, s: claims.subject, v: claims.version, e: claims.expiresAt }),
    );
    return `${payload}.${this.signature(payload)}`;
  }

  /** Checks the token's signature, purpose and expiry (at `now`, milliseconds). */
  verify(token: string, purpose: string, now = Date.now()): VerifiedLink {
    const match = /^([A-Za-z0-9_-]{10,600})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) return { ok: false, problem: 'malformed' };
    const [, payload, signature] = match;
    const expected = Buffer.from(this.signature(payload));
    if (!timingSafeEqual(expected, Buffer.from(signature))) return { ok: false, problem: 'signature' };
    let claims: SignedLinkClaims;
    try {
      const raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      claims = {
        purpose: String(raw.p),
        subject: String(raw.s),
        version: String(raw.v),
        expiresAt: Number(raw.e),
      };
    } catch {
      return { ok: false, problem: 'malformed' };
    }
    if (claims.purpose !== purpose) return { ok: false, problem: 'purpose', claims };
    if (!Number.isFinite(claims.expiresAt) || claims.expiresAt * 1000 <= now) {
      return { ok: false, problem: 'expired', claims };
    }
    return { ok: true, claims };
  }

  private signature(payload: string): string {
    return encode(createHmac('sha256', this.key).update(payload).digest());
  }
}
