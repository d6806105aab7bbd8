// Fails when the built console ships a server-only package. The Angular build lists every bundled
// npm package in 3rdpartylicenses.txt; the bundles are also searched for the packages' names.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist/apps/console';
const FORBIDDEN = [
  /^@nestjs\//,
  /^typeorm$/,
  /^pg(-.*)?$/,
  /^fastify$/,
  /^@fastify\//,
  /^argon2$/,
  /^passport/,
  /^swagger-ui/,
];
const licenses = join(dist, '3rdpartylicenses.txt');
if (!existsSync(licenses)) {
  console.error(`${licenses} not found: build the console first (npx nx run console:build).`);
  process.exit(1);
}

const packages = [...readFileSync(licenses, 'utf8').matchAll(/^Package: (\S+)$/gm)].map((match) => match[1]);
const shipped = packages.filter((name) => FORBIDDEN.some((pattern) => pattern.test(name)));
const browserDir = join(dist, 'browser');
const mentions = readdirSync(browserDir)
  .filter((file) => file.endsWith('.js'))
  .filter((file) => /@nestjs\/|typeorm|swagger-ui/.test(readFileSync(join(browserDir, file), 'utf8')));

if (shipped.length > 0 || mentions.length > 0) {
  console.error(`Server-only code in the console bundle: ${[...shipped, ...mentions].join(', ')}`);
  process.exit(1);
}
console.log(`Console bundle is browser-only (${packages.length} packages: ${packages.join(', ')}).`);
