import { loadEnvironment } from '../config/environment';
import { SignedLinks } from './signed-links';

describe('SignedLinks', () => {
  const links = new SignedLinks(loadEnvironment({}));
  const claims = {
    purpose: 'appointment.confirm',
    subject: '6f0c1a52-6a55-4c1d-9d4c-3c0f4cb0b2a1',
    version: '1796212800',
    expiresAt: 2_000_000_000,
  };

  it('verifies its own token for its purpose and returns the claims', () => {
    expect(links.verify(links.sign(claims), 'appointment.confirm', 1_900_000_000_000)).toEqual({
      ok: true,
      claims,
    });
  });

  it('refuses a token for another purpose, an expired one, a tampered one and garbage', () => {
    const token = links.sign(claims);
    expect(links.verify(token, 'appointment.cancel', 1_900_000_000_000)).toMatchObject({
      ok: false,
      problem: 'purpose',
    });
    expect(links.verify(token, 'appointment.confirm', 2_000_000_000_000)).toMatchObject({
      ok: false,
      problem: 'expired',
    });
    const [payload, signature] = token.split('.');
    const other = links.sign({ ...claims, subject: 'another' }).split('.')[0];
    expect(links.verify(`${other}.${signature}`, 'appointment.confirm', 0)).toEqual({
      ok: false,
      problem: 'signature',
    });
    expect(links.verify(`${payload}.${signature.slice(1)}x`, 'appointment.confirm', 0).ok).toBe(false);
    expect(links.verify('not a token', 'appointment.confirm')).toEqual({ ok: false, problem: 'malformed' });
  });

  it('is bound to JWT_SECRET: another secret does not accept the token', () => {
    const other = new SignedLinks(loadEnvironment({ JWT_SECRET: 'x'.repeat(40) }));
    expect(other.verify(links.sign(claims), 'appointment.confirm', 0)).toMatchObject({
      problem: 'signature',
    });
  });
});
