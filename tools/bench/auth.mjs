// The `auth` suite (the default): the HTTP stack, login and authenticated reads.
//   health   GET  /api/v1/health (baseline: HTTP stack only, no token, no database)
//   login    POST /api/v1/auth/login (argon2id verification, so CPU-bound by design)
//   roles    GET  /api/v1/roles (a constant list: the JWT check and per-request session lookup alone)
//   profile  GET  /api/v1/auth/profile (session lookup plus one query for the user)
//   users    GET  /api/v1/users?pageSize=20 (session lookup plus a paginated list query)
import { forEachConcurrently, login, measure, request } from './client.mjs';

const DEMO_PASSWORD = 'consultorio-demo';
const DEMO_LOGINS = ['superadmin', 'admin', 'receptionist', 'doctor', 'patient'];
/** Extra staff accounts created before the run, so the users page is a full page of 20. */
const EXTRA_USERS = 30;

/** Server settings for this suite: the demo accounts log in. */
export const authServerEnv = { SEED_DEMO: 'true' };

/** Hard bound on the suite, in seconds. */
export const authTimeLimit = ({ duration, warmup }) => 60 + 5 * (warmup + duration);

/** Adds staff accounts through the API (two at a time: each one hashes a password). */
async function seedUsers(baseUrl, token) {
  const suffix = Date.now().toString(36);
  await forEachConcurrently(
    Array.from({ length: EXTRA_USERS }, (_, i) => i),
    2,
    (i) =>
      request(baseUrl, 'POST', '/api/v1/users', {
        token,
        body: {
          email: `bench-${suffix}-${i}@consultorio.test`,
          username: `bench-${suffix}-${i}`,
          fullName: `Bench User ${i}`,
          role: i % 2 ? 'doctor' : 'receptionist',
          password: `bench-password-${i}-${suffix}`,
        },
      }),
  );
}

function scenarios(baseUrl, token) {
  const auth = { authorization: `Bearer ${token}` };
  let connection = 0;
  return [
    {
      name: 'health',
      title: 'GET /api/v1/health',
      // Baseline: the HTTP stack alone (no token, no database), to read the others against.
      connections: 10,
      url: `${baseUrl}/api/v1/health`,
    },
    {
      name: 'login',
      title: 'POST /api/v1/auth/login',
      // Few connections: each login holds a libuv thread for one argon2id verification.
      connections: 4,
      url: `${baseUrl}/api/v1/auth/login`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // Each connection logs in as a different demo user.
      setupClient: (client) => {
        const name = DEMO_LOGINS[connection++ % DEMO_LOGINS.length];
        client.setBody(JSON.stringify({ login: name, password: DEMO_PASSWORD }));
      },
    },
    {
      name: 'roles',
      title: 'GET /api/v1/roles',
      // A constant answer behind authentication: isolates the token and session check.
      connections: 10,
      url: `${baseUrl}/api/v1/roles`,
      headers: auth,
    },
    {
      name: 'profile',
      title: 'GET /api/v1/auth/profile',
      connections: 10,
      url: `${baseUrl}/api/v1/auth/profile`,
      headers: auth,
    },
    {
      name: 'users',
      title: 'GET /api/v1/users?pageSize=20',
      connections: 10,
      url: `${baseUrl}/api/v1/users?pageSize=20`,
      headers: auth,
    },
  ];
}

/** Runs the suite against a started server; returns one summary row per scenario. */
export async function runAuthSuite({ server, duration, warmup, log }) {
  const token = await login(server.baseUrl, 'admin', DEMO_PASSWORD);
  await seedUsers(server.baseUrl, token);
  log(`${EXTRA_USERS} extra users created`);
  const rows = [];
  for (const scenario of scenarios(server.baseUrl, token)) {
    rows.push(await measure(scenario, { duration, warmup, log }));
  }
  return rows;
}
