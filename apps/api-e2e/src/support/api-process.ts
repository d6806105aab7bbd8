import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const WORKSPACE = join(__dirname, '../../../..');
const API_MAIN = join(WORKSPACE, 'dist/apps/api/main.js');
const READY_LINE = /Consultorio is ready at http:\/\/\S+:(\d+)/;

/** The built API running as a process of its own, as in production. */
export interface ApiProcess {
  baseUrl: string;
  process: ChildProcess;
  /** Everything it printed, for failure messages. */
  output(): string;
  /** Kills it without warning (SIGKILL): no shutdown hooks, no commits in flight. */
  kill(): Promise<void>;
  /** Stops it cleanly (SIGTERM). */
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Starts `dist/apps/api/main.js` (built by `nx run api:build`) with `env` on a free port. */
export async function startApiProcess(env: Record<string, string>, timeout = 120_000): Promise<ApiProcess> {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: run "npx nx run api:build" first`);
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: WORKSPACE,
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      CONSOLE_DIR: '/nonexistent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API did not start in time:\n${output}`)), timeout);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY_LINE.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`API exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    process: child,
    output: () => output,
    kill: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}
