// `npm run bench`: load-tests the built API on loopback.
//
// Build first: `npx nx run api:build`. Each suite starts dist/apps/api/main.js on a free loopback
// port against its own throw-away database (a scratch database on DATABASE_URL's server when set,
// otherwise an embedded PostgreSQL in a temp dir), measures after a short warm-up each, prints
// requests/s, p50/p95/p99 latency and failures, then stops the API and drops the database.
//   auth        (default) health, login and authenticated reads: see auth.mjs
//   scheduling  free-slot search against a growing agenda, and booking throughput: see scheduling.mjs
//   reminders   20,000 due reminders queued and delivered over SMTP: see reminders.mjs
//   billing     invoicing and payment throughput, cash reports, invoice list and PDF over a year: see billing.mjs
//   all         every suite, one after the other
// Any failed request fails the run.
//
// Options: --suite auth|scheduling|reminders|billing|all (default auth), --duration <s> (default 10),
// --warmup <s> (default 2), --json (machine-readable output).
import { existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { authServerEnv, authTimeLimit, runAuthSuite } from './auth.mjs';
import {
  billingFailed,
  billingServerEnv,
  billingTimeLimit,
  formatBilling,
  runBillingSuite,
} from './billing.mjs';
import { formatTable, hasFailures } from './report.mjs';
import {
  formatScheduling,
  runSchedulingSuite,
  schedulingFailed,
  schedulingServerEnv,
  schedulingTimeLimit,
} from './scheduling.mjs';
import {
  formatReminders,
  remindersFailed,
  remindersServerEnv,
  remindersTimeLimit,
  runRemindersSuite,
} from './reminders.mjs';
import { API_ENTRY, prepareDatabase, startServer } from './server.mjs';

const SUITES = {
  auth: { env: authServerEnv, timeLimit: authTimeLimit, run: runAuthSuite },
  scheduling: { env: schedulingServerEnv, timeLimit: schedulingTimeLimit, run: runSchedulingSuite },
  reminders: { env: remindersServerEnv, timeLimit: remindersTimeLimit, run: runRemindersSuite },
  billing: { env: billingServerEnv, timeLimit: billingTimeLimit, run: runBillingSuite },
};

const { values: options } = parseArgs({
  options: {
    suite: { type: 'string', default: 'auth' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    instances: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (options.help) {
  process.stdout.write(
    'Usage: npm run bench -- [--suite auth|scheduling|reminders|billing|all] [--duration <1-20 s>] [--warmup <0-5 s>]\n' +
      '                       [--instances <1-4>] [--json]\n' +
      '--instances: API processes on the one database (the reminders suite shares its work among them)\n' +
      'Build the API first: npx nx run api:build\n',
  );
  process.exit(0);
}
const duration = Number(options.duration);
const warmup = Number(options.warmup);
const instances = Number(options.instances);
const suites = options.suite === 'all' ? Object.keys(SUITES) : [options.suite];
if (!suites.every((suite) => suite in SUITES))
  fail('--suite must be auth, scheduling, reminders, billing or all');
if (!Number.isInteger(duration) || duration < 1 || duration > 20) fail('--duration must be 1-20 seconds');
if (!Number.isInteger(warmup) || warmup < 0 || warmup > 5) fail('--warmup must be 0-5 seconds');
if (!Number.isInteger(instances) || instances < 1 || instances > 4) fail('--instances must be 1-4');
if (!existsSync(API_ENTRY)) fail(`${API_ENTRY} is missing: run \`npx nx run api:build\` first`);

// Progress goes to stderr so `--json` output stays parseable.
const log = (message) => process.stderr.write(`[bench] ${message}\n`);

function fail(message) {
  process.stderr.write(`[bench] ${message}\n`);
  process.exit(1);
}

/** Starts a fresh database and API for one suite, runs it, and always stops and drops both. */
async function runSuite(name, resources, onDatabase) {
  const suite = SUITES[name];
  resources.database = await prepareDatabase(log);
  onDatabase(resources.database);
  try {
    const env = {
      ...resources.database.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      // A fresh secret per run; the demo default would work too but is not what production runs.
      JWT_SECRET: `bench-${Date.now()}-${Math.random().toString(36).slice(2)}-secret-key`,
      LOGIN_LIMIT_PER_IP: '1000000',
      LOGIN_LIMIT_PER_ACCOUNT: '1000000',
      CONSOLE_DIR: '/nonexistent',
      ...(typeof suite.env === 'function' ? await suite.env() : suite.env),
    };
    // One after the other: the first one migrates and seeds, the others find it done.
    for (let started = 0; started < instances; started++) {
      resources.servers.push(await startServer({ log, env }));
    }
    resources.server = resources.servers[0];
    return await suite.run({
      server: resources.server,
      servers: resources.servers,
      database: resources.database,
      duration,
      warmup,
      log,
    });
  } finally {
    await resources.cleanup();
  }
}

/** The current suite's API and database; `cleanup` stops and drops them once. */
function suiteResources() {
  const resources = {
    server: undefined,
    servers: [],
    database: undefined,
    async cleanup() {
      const { servers, database } = resources;
      resources.server = undefined;
      resources.servers = [];
      resources.database = undefined;
      await Promise.all(
        servers.map((server) =>
          server.stop().catch((error) => log(`stopping the API failed: ${error.message}`)),
        ),
      );
      await database?.cleanup().catch((error) => log(`database cleanup failed: ${error.message}`));
    },
  };
  return resources;
}

async function main() {
  // Other work on the machine skews the figures: record how busy it was before this run started.
  const loadBefore = Number(loadavg()[0].toFixed(2));
  const resources = suiteResources();
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      log(`${signal}: stopping`);
      void resources.cleanup().then(() => process.exit(130));
    });
  }
  // Hard bound on the whole run, whatever happens.
  const limitSeconds = suites.reduce((sum, name) => sum + SUITES[name].timeLimit({ duration, warmup }), 0);
  const watchdog = setTimeout(() => {
    log(`time limit of ${limitSeconds} s exceeded; stopping`);
    void resources.cleanup().then(() => process.exit(1));
  }, limitSeconds * 1000);

  try {
    const results = {};
    let postgres;
    for (const name of suites) {
      results[name] = await runSuite(name, resources, (database) => (postgres ??= database));
    }
    const machine = {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim(),
      memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      postgres: postgres.postgres,
      database: postgres.kind,
      apiInstances: instances,
      loadAverageBefore: loadBefore,
      loadAverageAfter: Number(loadavg()[0].toFixed(2)),
    };
    if (options.json) {
      const output = {
        machine,
        duration,
        warmup,
        ...(results.auth ? { results: results.auth } : {}),
        ...(results.scheduling ? { scheduling: results.scheduling } : {}),
        ...(results.reminders ? { reminders: results.reminders } : {}),
        ...(results.billing ? { billing: results.billing } : {}),
      };
      process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    } else {
      process.stdout.write(
        `\n${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, ${machine.postgres} (${machine.database}), ` +
          `load before run ${machine.loadAverageBefore}, after ${machine.loadAverageAfter}\n` +
          `${duration} s per scenario after ${warmup} s warm-up; API and load generator share the machine.\n\n` +
          (results.auth ? `${formatTable(results.auth)}\n\n` : '') +
          (results.scheduling ? `${formatScheduling(results.scheduling)}\n\n` : '') +
          (results.reminders ? `${formatReminders(results.reminders)}\n\n` : '') +
          (results.billing ? `${formatBilling(results.billing)}\n\n` : ''),
      );
    }
    const failed = [
      ...(results.auth ?? []).filter(hasFailures).map((row) => row.scenario),
      ...(results.scheduling && schedulingFailed(results.scheduling) ? ['scheduling'] : []),
      ...(results.reminders && remindersFailed(results.reminders) ? ['reminders'] : []),
      ...(results.billing && billingFailed(results.billing) ? ['billing'] : []),
    ];
    if (failed.length > 0) {
      log(`failed requests in: ${failed.join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    clearTimeout(watchdog);
    await resources.cleanup();
  }
}

main().catch((error) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
