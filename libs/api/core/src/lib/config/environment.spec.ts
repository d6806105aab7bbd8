import { DEMO_JWT_SECRET, loadEnvironment, publicUrl } from './environment';

describe('loadEnvironment', () => {
  it('has working defaults for a laptop', () => {
    const env = loadEnvironment({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      SEED_DEMO: true,
      JWT_SECRET: DEMO_JWT_SECRET,
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('converts numbers and booleans from strings', () => {
    expect(loadEnvironment({ PORT: '8080', SEED_DEMO: 'false', TRUST_PROXY: '1' })).toMatchObject({
      PORT: 8080,
      SEED_DEMO: false,
      TRUST_PROXY: true,
    });
  });

  it('stops with one line naming the wrong variable', () => {
    expect(() => loadEnvironment({ PORT: 'eighty' })).toThrow(/^Invalid configuration: PORT: /);
    expect(() => loadEnvironment({ DATABASE_URL: 'mysql://x' })).toThrow(
      /^Invalid configuration: DATABASE_URL: /,
    );
    expect(() => loadEnvironment({ JWT_SECRET: 'short' })).toThrow(/^Invalid configuration: JWT_SECRET: /);
    expect(() => loadEnvironment({ LOG_LEVEL: 'loud' })).toThrow(/^Invalid configuration: LOG_LEVEL: /);
    expect(() => loadEnvironment({ CORS_ORIGINS: 'not an origin' })).toThrow(/CORS_ORIGINS/);
  });

  it('refuses the demo secret and demo data in production', () => {
    expect(() => loadEnvironment({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET: the demo secret is refused/,
    );
    const secret = 'a'.repeat(40);
    expect(() => loadEnvironment({ NODE_ENV: 'production', JWT_SECRET: secret, SEED_DEMO: 'true' })).toThrow(
      /SEED_DEMO/,
    );
    expect(() => loadEnvironment({ NODE_ENV: 'production', JWT_SECRET: secret })).toThrow(
      /PUBLIC_URL: required/,
    );
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: secret,
      PUBLIC_URL: 'https://citas.clinica.pe/',
    };
    expect(loadEnvironment(production).SEED_DEMO).toBe(false);
    expect(publicUrl(loadEnvironment(production))).toBe('https://citas.clinica.pe');
  });

  it('links to localhost on the API port when PUBLIC_URL is unset, and refuses a URL with a query', () => {
    expect(publicUrl(loadEnvironment({ PORT: '8080' }))).toBe('http://localhost:8080');
    expect(() => loadEnvironment({ PUBLIC_URL: 'https://x.pe/?a=1' })).toThrow(/PUBLIC_URL must be/);
  });

  it('needs both initial superadmin variables, and a password that follows the rules', () => {
    expect(() => loadEnvironment({ INITIAL_SUPERADMIN_EMAIL: 'jefa@clinica.pe' })).toThrow(
      /^Invalid configuration: INITIAL_SUPERADMIN_PASSWORD: /,
    );
    expect(() =>
      loadEnvironment({ INITIAL_SUPERADMIN_EMAIL: 'jefa@clinica.pe', INITIAL_SUPERADMIN_PASSWORD: 'short' }),
    ).toThrow(/INITIAL_SUPERADMIN_PASSWORD: needs 10\+ characters/);
    expect(() =>
      loadEnvironment({
        INITIAL_SUPERADMIN_EMAIL: 'not-an-email',
        INITIAL_SUPERADMIN_PASSWORD: 'long-enough-1',
      }),
    ).toThrow(/INITIAL_SUPERADMIN_EMAIL/);
    expect(
      loadEnvironment({
        INITIAL_SUPERADMIN_EMAIL: 'jefa@clinica.pe',
        INITIAL_SUPERADMIN_PASSWORD: 'long-enough-1',
      }).INITIAL_SUPERADMIN_EMAIL,
    ).toBe('jefa@clinica.pe');
  });
});
