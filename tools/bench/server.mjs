// Database and API process lifecycle for the benchmark: a throw-away database (a scratch database on
// DATABASE_URL's server, or an embedded PostgreSQL in a temp dir) and the built API on a loopback port.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** The repository root: the API runs from there, whatever the caller's working directory. */
const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const API_ENTRY = join(ROOT, 'dist/apps/api/main.js');

/**
 * Credentials of the embedded PostgreSQL the API starts (libs/api/core, embedded-postgres.ts): it
 * listens on loopback only and holds nothing but the benchmark's throw-away data.
 */
const EMBEDDED_USER = 'consultorio:consultorio-embedded';

/** Finds a free TCP port on loopback. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function withClient(connectionString, work) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Version of the PostgreSQL binaries shipped by `embedded-postgres` for this platform. */
async function embeddedPostgresVersion() {
  try {
    const { postgres } = await import(`@embedded-postgres/${process.platform}-${process.arch}`);
    const result = spawnSync(postgres, ['--version'], { encoding: 'utf8' });
    return result.stdout.trim().replace(/^postgres \(PostgreSQL\)\s*/, 'PostgreSQL ') || 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Prepares an empty database for one run. With `DATABASE_URL` set, creates a uniquely named
 * database on that server (dropped by `cleanup`); otherwise points the API at a fresh embedded
 * PostgreSQL data directory under the system temp dir (removed by `cleanup`).
 */
export async function prepareDatabase(log) {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `consultorio_bench_${randomBytes(5).toString('hex')}`;
    const version = await withClient(serverUrl, async (client) => {
      await client.query(`CREATE DATABASE ${name}`);
      return (await client.query('SHOW server_version')).rows[0].server_version;
    });
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    log(`Scratch database ${name} created on DATABASE_URL's server`);
    return {
      kind: 'DATABASE_URL',
      postgres: `PostgreSQL ${version}`,
      env: { DATABASE_URL: url.toString() },
      /** Where the benchmark itself reaches the scratch database. */
      connectionString: async () => url.toString(),
      async cleanup() {
        await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
        log(`Scratch database ${name} dropped`);
      },
    };
  }

  const root = await mkdtemp(join(tmpdir(), 'consultorio-bench-'));
  // As root, embedded-postgres runs the server as the `postgres` user, which must reach the data dir.
  await chmod(root, 0o755);
  const dataDir = join(root, 'pg');
  log(`Embedded PostgreSQL in ${dataDir}`);
  return {
    kind: 'embedded',
    postgres: await embeddedPostgresVersion(),
    env: { EMBEDDED_PG_DIR: dataDir },
    /** Where the benchmark itself reaches the embedded database, once the API has started it. */
    connectionString: async () => {
      // The API picks a free port and writes it, like any postmaster, on line 4 of postmaster.pid.
      const port = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[3]);
      return `postgres://${EMBEDDED_USER}@127.0.0.1:${port}/consultorio`;
    },
    async cleanup() {
      stopOrphanPostgres(dataDir);
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Stops an embedded postmaster left behind when the API had to be killed. */
function stopOrphanPostgres(dataDir) {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    if (pid > 0) process.kill(pid, 'SIGINT');
  } catch {
    // Already gone.
  }
}

/** Keeps the last lines a process printed, to explain a failed start. */
function tail(stream, lines) {
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    lines.push(...chunk.split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
  });
}

/**
 * Starts the built API with `env` on a free loopback port and resolves once
 * `/api/v1/health/ready` answers 200. `stop()` sends SIGTERM (graceful close, which also stops an
 * embedded PostgreSQL) and falls back to SIGKILL.
 */
export async function startServer({ env, log, readyTimeoutMs = 60_000 }) {
  const port = await freePort();
  const output = [];
  // BENCH_API_NODE_ARGS passes flags to the API's Node.js only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, API_ENTRY], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  tail(child.stdout, output);
  tail(child.stderr, output);
  let exited = false;
  const exit = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal });
    }),
  );

  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (exited) throw new Error(`The API exited during start-up:\n${output.join('\n')}`);
    if (Date.now() - started > readyTimeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`The API was not ready within ${readyTimeoutMs / 1000} s:\n${output.join('\n')}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/v1/health/ready`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  log(`API ready at ${baseUrl} after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  return {
    baseUrl,
    /** The API's process id, to read its CPU time. */
    pid: child.pid,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const { code, signal } = await exit;
      clearTimeout(timer);
      log(`API stopped (${signal ?? `exit code ${code}`})`);
    },
  };
}
