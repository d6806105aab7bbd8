import { existsSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { ValidationPipe, VersioningType } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from '@fastify/helmet';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { corsOrigins, type AppEnvironment } from '../config/environment';
import { ProblemFilter } from '../errors/problem.filter';
import { validationProblem } from '../errors/validation';
import { setupSwagger } from './openapi';

const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/;

/** The Fastify adapter: body limit, proxy trust, request ids (kept from `X-Request-Id` when sane) and logs. */
export function createFastifyAdapter(env: AppEnvironment, logger: Logger): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    trustProxy: env.TRUST_PROXY,
    loggerInstance: logger,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    },
  });
}

/**
 * Everything that makes the app the app: prefix and versioning, security headers, CORS, validation,
 * the problem+json filter, Swagger and the console. Used by `main.ts` and by every API test.
 */
export async function bootstrap(app: NestFastifyApplication, env: AppEnvironment): Promise<void> {
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: [`'self'`],
        scriptSrc: [`'self'`],
        styleSrc: [`'self'`, `'unsafe-inline'`],
        imgSrc: [`'self'`, 'data:'],
        fontSrc: [`'self'`, 'data:'],
        connectSrc: [`'self'`],
        objectSrc: [`'none'`],
        frameAncestors: [`'none'`],
      },
    },
  });
  const origins = corsOrigins(env);
  if (origins.length > 0) {
    app.enableCors({
      origin: origins,
      credentials: true,
      exposedHeaders: ['X-Request-Id', 'Retry-After'],
      maxAge: 600,
    });
  }

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
    if (request.url.startsWith('/api/v1/')) reply.header('Cache-Control', 'no-store');
  });

  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      exceptionFactory: validationProblem,
    }),
  );

  const consoleDir = resolve(env.CONSOLE_DIR);
  const indexFile = join(consoleDir, 'index.html');
  const indexHtml = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : null;
  app.useGlobalFilters(
    new ProblemFilter((request: FastifyRequest, reply: FastifyReply) => {
      // Deep links of the console (e.g. /users) load the single-page app; API paths stay 404.
      if (!indexHtml || request.method !== 'GET' || request.url.startsWith('/api')) return false;
      reply.status(200).type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(indexHtml);
      return true;
    }),
  );

  setupSwagger(app);
  if (indexHtml) {
    app.useStaticAssets({
      root: consoleDir,
      prefix: '/',
      index: ['index.html'],
      cacheControl: false,
      // Built files carry a content hash, so they never change; index.html must be revalidated
      // so a deploy is picked up at once.
      setHeaders: (response, path) => {
        response.setHeader(
          'Cache-Control',
          path.endsWith('.html')
            ? 'no-cache'
            : /-[A-Z0-9]{8}\.(js|css)$/.test(path)
              ? 'public, max-age=31536000, immutable'
              : 'public, max-age=3600',
        );
      },
    });
  }
  app.enableShutdownHooks();
  await app.init();
}
