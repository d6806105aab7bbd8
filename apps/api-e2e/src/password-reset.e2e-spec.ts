import { createHash } from 'node:crypto';
import { PasswordResetService } from '@consultorio/api/auth';
import { expectProblem, Http } from './support/http';
import { DEMO_PASSWORD, startTestApp, type TestApp } from './support/test-app';

const PUBLIC_URL = 'https://citas.clinica.test';
const LINK = /https:\/\/citas\.clinica\.test\/reset-password\?token=([\w-]+)/;

interface Message {
  id: string;
  status: string;
  template: string;
  locale: string;
  subject: string;
  recipient: string;
}
interface Caught {
  to: string[];
  subject: string;
  html: string;
  text: string;
  attachments: unknown[];
}

const sha256Hex = (token: string) => createHash('sha256').update(token).digest('hex');

describe('password reset', () => {
  let api: TestApp;
  let http: Http;
  let admin: Http;

  const request = (email: string) => http.post('/api/v1/auth/password-reset', { email });
  const confirm = (token: string, newPassword: string) =>
    http.post('/api/v1/auth/password-reset/confirm', { token, newPassword });
  /** Waits until every accepted request has been handled (they are handled after the answer). */
  const handled = () => api.app.get(PasswordResetService).idle();

  /** The password-reset e-mails to `email`, oldest first, once `count` of them have been sent. */
  async function sentTo(email: string, count: number): Promise<{ message: Message; mail: Caught }[]> {
    for (let tries = 0; tries < 100; tries++) {
      const page = await admin.get(
        `/api/v1/outbox?template=auth.password_reset&recipient=${encodeURIComponent(email)}&sort=createdAt`,
      );
      const items = page.body.items as Message[];
      if (items.length === count && items.every((item) => item.status === 'sent')) {
        return Promise.all(
          items.map(async (message) => {
            const [mail] = (await admin.get(`/api/v1/outbox/${message.id}/caught`)).body as Caught[];
            return { message, mail };
          }),
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${count} password-reset e-mails to ${email} not sent in time`);
  }
  const tokenOf = (mail: Caught) => {
    const match = LINK.exec(mail.text);
    if (!match) throw new Error(`no reset link in: ${mail.text}`);
    return match[1];
  };

  beforeAll(async () => {
    api = await startTestApp({
      OUTBOX_POLL_MS: '100',
      PASSWORD_RESET_TTL_MINUTES: '30',
      PUBLIC_URL,
    });
    http = new Http(api.baseUrl);
    admin = await http.loggedIn('admin');
    await admin.put('/api/v1/settings', { name: 'Clínica Sonrisa' });
  });
  afterAll(() => api.close());

  it('answers an address with an account and one without identically, and mails only the account, in Spanish', async () => {
    const known = await request('receptionist@consultorio.test');
    const unknown = await request('nobody@consultorio.test');
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.text).toBe(unknown.text);
    expect(known.headers.get('content-type')).toBe(unknown.headers.get('content-type'));
    expect(known.body).toEqual({
      message: 'If the address belongs to an active account, a link to choose a new password is on its way.',
      expiresInMinutes: 30,
    });
    await handled();

    const [{ message, mail }] = await sentTo('receptionist@consultorio.test', 1);
    expect(message).toMatchObject({
      template: 'auth.password_reset',
      locale: 'es',
      subject: 'Restablezca su contraseña de Clínica Sonrisa',
    });
    expect(mail.to).toEqual(['receptionist@consultorio.test']);
    expect(mail.text).toContain('El enlace vale por 30 minutos y sirve una sola vez.');
    expect(mail.text).toContain('Si usted no lo pidió, ignore este mensaje');
    expect(mail.html).toContain(`href="${PUBLIC_URL}/reset-password?token=${tokenOf(mail)}"`);
    expect(mail.attachments).toEqual([]);
    expect((await admin.get('/api/v1/outbox?recipient=nobody@consultorio.test')).body.total).toBe(0);
    expect(await api.sql(`SELECT 1 FROM password_resets`)).toHaveLength(1);
  });

  it('mails the account in its language a working link that sets the password once and ends every session', async () => {
    const doctor = await http.login('doctor');
    await http.as(doctor.access_token).put('/api/v1/auth/profile', { preferredLanguage: 'en' });
    const otherSession = await http.login('doctor');

    expect((await request('DOCTOR@Consultorio.test')).status).toBe(202);
    const [{ message, mail }] = await sentTo('doctor@consultorio.test', 1);
    expect(message).toMatchObject({ locale: 'en', subject: 'Reset your Clínica Sonrisa password' });
    expect(mail.text).toContain('Hello Dra. Daniela Núñez,');
    expect(mail.text).toContain('The link is valid for 30 minutes and works once.');
    expect(mail.text).toContain('If you did not ask for this, ignore this message');
    const token = tokenOf(mail);
    expect(token).toMatch(/^[\w-]{43}$/);

    // Only the token's SHA-256 is stored, and the link lives PASSWORD_RESET_TTL_MINUTES.
    const [reset] = await api.sql<{ id: string; hash: string; ttl: number }>(
      `SELECT id, encode(token_hash, 'hex') AS hash, extract(epoch FROM expires_at - created_at)::int AS ttl
         FROM password_resets WHERE user_id = $1`,
      [doctor.user.id],
    );
    expect(reset).toMatchObject({ hash: sha256Hex(token), ttl: 30 * 60 });

    expect((await confirm(token, 'una-clave-nueva-2026')).status).toBe(204);
    expectProblem(await http.post('/api/v1/auth/login', { login: 'doctor', password: DEMO_PASSWORD }), 401);
    expect((await http.login('doctor', 'una-clave-nueva-2026')).user.id).toBe(doctor.user.id);
    for (const session of [doctor, otherSession]) {
      expectProblem(await http.post('/api/v1/auth/refresh', { refresh_token: session.refresh_token }), 401);
      expectProblem(await http.as(session.access_token).get('/api/v1/auth/profile'), 401);
    }

    const reused = expectProblem(await confirm(token, 'otra-clave-nueva-2026'), 422);
    expect(reused.type).toBe('urn:consultorio:problem:invalid-reset-token');
    expect(reused.detail).toContain('invalid, expired or already used');
    expect((await http.login('doctor', 'una-clave-nueva-2026')).user.id).toBe(doctor.user.id);

    const audit = await api.sql<{
      action: string;
      entity: string;
      entity_id: string;
      actor_id: string;
      changes: any;
    }>(
      `SELECT action, entity, entity_id, actor_id, changes FROM audit_log
        WHERE (entity = 'password_reset' AND entity_id = $1) OR (entity = 'user' AND entity_id = $2 AND action = 'password_change')
        ORDER BY id`,
      [reset.id, doctor.user.id],
    );
    expect(audit).toEqual([
      {
        action: 'create',
        entity: 'password_reset',
        entity_id: reset.id,
        actor_id: null,
        changes: {
          userId: { before: null, after: doctor.user.id },
          expiresAt: { before: null, after: expect.any(String) },
        },
      },
      {
        action: 'password_change',
        entity: 'user',
        entity_id: doctor.user.id,
        actor_id: doctor.user.id,
        changes: {
          passwordHash: { before: '***', after: '***' },
          passwordResetId: { before: null, after: reset.id },
        },
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('refuses the first link once a second was asked for, and an expired link', async () => {
    await request('patient@consultorio.test');
    await handled();
    await request('patient@consultorio.test');
    const [first, second] = await sentTo('patient@consultorio.test', 2);
    const [firstToken, secondToken] = [tokenOf(first.mail), tokenOf(second.mail)];
    expect(firstToken).not.toBe(secondToken);

    const replaced = expectProblem(await confirm(firstToken, 'una-clave-nueva-2026'), 422);
    expect(replaced.type).toBe('urn:consultorio:problem:invalid-reset-token');

    await api.sql(
      `UPDATE password_resets SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 hour'
        WHERE token_hash = decode($1, 'hex')`,
      [sha256Hex(secondToken)],
    );
    const expired = expectProblem(await confirm(secondToken, 'una-clave-nueva-2026'), 422);
    expect(expired.type).toBe('urn:consultorio:problem:invalid-reset-token');
    expect((await http.login('patient')).user.role).toBe('patient');
  });

  it('refuses a weak password or the account’s own e-mail with field errors, and the link still works after', async () => {
    await request('receptionist@consultorio.test');
    const [, { mail }] = await sentTo('receptionist@consultorio.test', 2);
    const token = tokenOf(mail);

    const short = expectProblem(await confirm(token, 'corta'), 400);
    expect(short.errors).toEqual([
      expect.objectContaining({ field: 'newPassword', code: 'isAllowedPassword' }),
    ]);
    const identity = expectProblem(await confirm(token, 'Receptionist@Consultorio.test'), 422);
    expect(identity.type).toBe('urn:consultorio:problem:password-rules');
    expect(identity.errors).toEqual([
      expect.objectContaining({ field: 'newPassword', code: 'isAllowedPassword' }),
    ]);
    expectProblem(
      await http.post('/api/v1/auth/password-reset/confirm', { newPassword: 'x'.repeat(12) }),
      400,
    );
    expectProblem(await confirm('not-a-token', 'una-clave-nueva-2026'), 422);
    expectProblem(await request('not an address'), 400);

    expect((await confirm(token, 'una-clave-nueva-2026')).status).toBe(204);
    expect((await http.login('receptionist', 'una-clave-nueva-2026')).user.role).toBe('receptionist');
  });

  it('lets only one of two simultaneous confirmations of a link win', async () => {
    await request('superadmin@consultorio.test');
    const [{ mail }] = await sentTo('superadmin@consultorio.test', 1);
    const token = tokenOf(mail);
    const answers = await Promise.all([
      confirm(token, 'primera-clave-2026'),
      confirm(token, 'segunda-clave-2026'),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([204, 422]);
    const winner = answers[0].status === 204 ? 'primera-clave-2026' : 'segunda-clave-2026';
    expect((await http.login('superadmin', winner)).user.role).toBe('superadmin');
  });

  it('sends nothing to an inactive account, and a link stops working when its account is deactivated', async () => {
    const user = (
      await admin.post('/api/v1/users', {
        email: 'rosa.quispe@consultorio.test',
        username: 'rosa.quispe',
        fullName: 'Rosa Quispe',
        role: 'receptionist',
        password: 'a-long-enough-secret',
      })
    ).body;
    await request('rosa.quispe@consultorio.test');
    const [{ mail }] = await sentTo('rosa.quispe@consultorio.test', 1);
    await admin.patch(`/api/v1/users/${user.id}`, { active: false });
    expectProblem(await confirm(tokenOf(mail), 'una-clave-nueva-2026'), 422);

    expect((await request('rosa.quispe@consultorio.test')).status).toBe(202);
    await handled();
    expect(await api.sql(`SELECT 1 FROM password_resets WHERE user_id = $1`, [user.id])).toHaveLength(1);
  });

  it('documents both public routes with their answers and errors', async () => {
    const document = (await http.get('/api/docs-json')).body;
    const requested = document.paths['/api/v1/auth/password-reset'].post;
    expect(requested['x-public']).toBe(true);
    expect(Object.keys(requested.responses)).toEqual(expect.arrayContaining(['202', '400', '429', '500']));
    const confirmed = document.paths['/api/v1/auth/password-reset/confirm'].post;
    expect(confirmed['x-public']).toBe(true);
    expect(Object.keys(confirmed.responses)).toEqual(
      expect.arrayContaining(['204', '400', '422', '429', '500']),
    );
  });
});

describe('password reset throttling', () => {
  let api: TestApp;
  let http: Http;

  beforeAll(async () => {
    api = await startTestApp({ LOGIN_LIMIT_PER_ACCOUNT: '2', LOGIN_LIMIT_PER_IP: '4' });
    http = new Http(api.baseUrl);
  });
  afterAll(() => api.close());

  it('limits requests per e-mail (any case) and per client IP, with 429 and Retry-After', async () => {
    const ask = (email: string) => http.post('/api/v1/auth/password-reset', { email });
    expect((await ask('doctor@consultorio.test')).status).toBe(202);
    expect((await ask(' Doctor@consultorio.test ')).status).toBe(202);
    const perAccount = await ask('DOCTOR@consultorio.test');
    expectProblem(perAccount, 429);
    expect(Number(perAccount.headers.get('retry-after'))).toBeGreaterThan(0);
    // Three of the IP's four were spent above; another address gets one more, then the IP is done.
    expect((await ask('someone@consultorio.test')).status).toBe(202);
    expectProblem(await ask('someone.else@consultorio.test'), 429);
    await api.app.get(PasswordResetService).idle();
  });
});
