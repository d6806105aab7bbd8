// `npm start`: builds what changed (Nx caches the rest) and serves the console, the API and
// Swagger from one port.
import { spawnSync, spawn } from 'node:child_process';

const build = spawnSync(
  'npx',
  ['nx', 'run-many', '-t', 'build', '-p', 'api', 'console', '--output-style=static'],
  { stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn(
  process.execPath,
  ['--enable-source-maps', 'dist/apps/api/main.js', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
