// `npm run bench`: load-tests the built API on loopback with autocannon.
//
// Build first: `npx nx run api:build`. The run starts dist/apps/api/main.js on a free loopback port
// against a throw-away database (a scratch database on DATABASE_URL's server when set, otherwise an
// embedded PostgreSQL in a temp dir), then measures, after a short warm-up each:
//   health   GET  /api/v1/health (baseline: HTTP stack only, no token, no database)
//   login    POST /api/v1/auth/login (argon2id verification, so CPU-bound by design)
//   roles    GET  /api/v1/roles (a constant list: the JWT check and per-request session lookup alone)
//   profile  GET  /api/v1/auth/profile (session lookup plus one query for the user)
//   users    GET  /api/v1/users?pageSize=20 (session lookup plus a paginated list query)
// and prints requests/s, p50/p95/p99 latency and failures. Any failed request fails the run.
//
// Options: --duration <s> (default 10), --warmup <s> (default 2), --json (machine-readable output).
import { existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { formatTable, hasFailures, summarize } from './report.mjs';
import { API_ENTRY, prepareDatabase, startServer } from './server.mjs';

const DEMO_PASSWORD = 'consultorio-demo';
const DEMO_LOGINS = ['superadmin', 'admin', 'receptionist', 'doctor', 'patient'];
/** Extra staff accounts created before the run, so the users page is a full page of 20. */
const EXTRA_USERS = 30;

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (options.help) {
  process.stdout.write(
    'Usage: npm run bench -- [--duration <1-20 s>] [--warmup <0-5 s>] [--json]\n' +
      'Build the API first: npx nx run api:build\n',
  );
  process.exit(0);
}
const duration = Number(options.duration);
const warmup = Number(options.warmup);
if (!Number.isInteger(duration) || duration < 1 || duration > 20) fail('--duration must be 1-20 seconds');
if (!Number.isInteger(warmup) || warmup < 0 || warmup > 5) fail('--warmup must be 0-5 seconds');
if (!existsSync(API_ENTRY)) fail(`${API_ENTRY} is missing: run \`npx nx run api:build\` first`);

// Progress goes to stderr so `--json` output stays parseable.
const log = (message) => process.stderr.write(`[bench] ${message}\n`);

function fail(message) {
  process.stderr.write(`[bench] ${message}\n`);
  process.exit(1);
}

async function request(baseUrl, method, path, { token, body } = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Adds staff accounts through the API (two at a time: each one hashes a password). */
async function seedUsers(baseUrl, token) {
  const suffix = Date.now().toString(36);
  const pending = Array.from({ length: EXTRA_USERS }, (_, i) => i);
  const worker = async () => {
    for (let i = pending.shift(); i !== undefined; i = pending.shift()) {
      await request(baseUrl, 'POST', '/api/v1/users', {
        token,
        body: {
          email: `bench-${suffix}-${i}@consultorio.test`,
          username: `bench-${suffix}-${i}`,
          fullName: `Bench User ${i}`,
          role: i % 2 ? 'doctor' : 'receptionist',
          password: `bench-password-${i}-${suffix}`,
        },
      });
    }
  };
  await Promise.all([worker(), worker()]);
}

/** Runs autocannon once, collecting every response time (autocannon's summary has no p95). */
function fire(opts) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const instance = autocannon(opts, (error, result) =>
      error ? reject(error) : resolve({ result, latencies }),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
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
        const login = DEMO_LOGINS[connection++ % DEMO_LOGINS.length];
        client.setBody(JSON.stringify({ login, password: DEMO_PASSWORD }));
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

async function measure(scenario) {
  const { name, title, ...target } = scenario;
  const base = { ...target, timeout: 10 };
  if (warmup > 0) {
    log(`${name}: warm-up ${warmup} s`);
    await fire({ ...base, duration: warmup });
  }
  log(`${name}: ${duration} s with ${scenario.connections} connections`);
  const { result, latencies } = await fire({ ...base, title, duration });
  return summarize(scenario, result, latencies);
}

async function main() {
  // Other work on the machine skews the figures: record how busy it was before this run started.
  const loadBefore = Number(loadavg()[0].toFixed(2));
  const database = await prepareDatabase(log);
  let server;
  let finished = false;
  const cleanup = async () => {
    if (finished) return;
    finished = true;
    await server?.stop().catch((error) => log(`stopping the API failed: ${error.message}`));
    await database.cleanup().catch((error) => log(`database cleanup failed: ${error.message}`));
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      log(`${signal}: stopping`);
      void cleanup().then(() => process.exit(130));
    });
  }
  // Hard bound on the whole run, whatever happens.
  const limitSeconds = 60 + 5 * (warmup + duration);
  const watchdog = setTimeout(() => {
    log(`time limit of ${limitSeconds} s exceeded; stopping`);
    void cleanup().then(() => process.exit(1));
  }, limitSeconds * 1000);

  try {
    server = await startServer({
      log,
      env: {
        ...database.env,
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn',
        SEED_DEMO: 'true',
        // A fresh secret per run; the demo default would work too but is not what production runs.
        JWT_SECRET: `bench-${Date.now()}-${Math.random().toString(36).slice(2)}-secret-key`,
        LOGIN_LIMIT_PER_IP: '1000000',
        LOGIN_LIMIT_PER_ACCOUNT: '1000000',
        CONSOLE_DIR: '/nonexistent',
      },
    });
    const { access_token: token } = await request(server.baseUrl, 'POST', '/api/v1/auth/login', {
      body: { login: 'admin', password: DEMO_PASSWORD },
    });
    await seedUsers(server.baseUrl, token);
    log(`${EXTRA_USERS} extra users created`);

    const rows = [];
    for (const scenario of scenarios(server.baseUrl, token)) rows.push(await measure(scenario));

    const machine = {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim(),
      memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      postgres: database.postgres,
      database: database.kind,
      loadAverageBefore: loadBefore,
    };
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ machine, duration, warmup, results: rows }, null, 2)}\n`);
    } else {
      process.stdout.write(
        `\n${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, ${machine.postgres} (${machine.database}), load before run ${machine.loadAverageBefore}\n` +
          `${duration} s per scenario after ${warmup} s warm-up; API and load generator share the machine.\n\n` +
          `${formatTable(rows)}\n\n`,
      );
    }
    const failed = rows.filter(hasFailures);
    if (failed.length > 0) {
      log(`failed requests in: ${failed.map((row) => row.scenario).join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
}

main().catch((error) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
