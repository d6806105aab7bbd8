import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EntityNotFoundError, QueryFailedError } from 'typeorm';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails } from '@consultorio/shared/contracts';
import { mapPostgresError } from '../database/postgres-errors';
import { PROBLEM_TYPE_PREFIX, ProblemException, type ProblemInit } from './problem.exception';

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const STATUS_SLUGS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'too-large',
  415: 'unsupported-media-type',
  422: 'rule-violation',
  429: 'too-many-requests',
};

/** Decides what a thrown value means for the client. Anything unknown is a 500 without details. */
export function toProblem(exception: unknown): ProblemInit {
  if (exception instanceof ProblemException) return exception.problem;
  if (exception instanceof ThrottlerException) {
    return {
      status: 429,
      slug: 'too-many-requests',
      title: 'Too Many Requests',
      detail: 'Too many requests; try again later.',
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const message =
      typeof body === 'string'
        ? body
        : ((body as { message?: string | string[] }).message ?? exception.message);
    return {
      status,
      slug: STATUS_SLUGS[status] ?? 'error',
      title: STATUS_TITLES[status] ?? 'Error',
      detail: Array.isArray(message) ? message.join('; ') : message,
    };
  }
  if (exception instanceof QueryFailedError) {
    const mapped = mapPostgresError(exception.driverError as Record<string, string>);
    if (mapped) return mapped;
  }
  if (exception instanceof EntityNotFoundError) {
    return { status: 404, slug: 'not-found', title: 'Not Found', detail: 'The record does not exist.' };
  }
  // Errors raised by Fastify before the route runs (bad JSON, body too large, wrong media type).
  const statusCode = (exception as { statusCode?: number } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    const code = (exception as { code?: string }).code ?? '';
    const detail =
      statusCode === 413
        ? 'The request body is too large.'
        : statusCode === 415
          ? 'The request body must be application/json.'
          : code.includes('JSON') || exception instanceof SyntaxError
            ? 'The request body is not valid JSON.'
            : 'The request is malformed.';
    return {
      status: statusCode,
      slug: STATUS_SLUGS[statusCode] ?? 'bad-request',
      title: STATUS_TITLES[statusCode] ?? 'Bad Request',
      detail,
    };
  }
  if (exception instanceof SyntaxError) {
    return {
      status: 400,
      slug: 'bad-request',
      title: 'Bad Request',
      detail: 'The request body is not valid JSON.',
    };
  }
  return {
    status: 500,
    slug: 'internal',
    title: 'Internal Server Error',
    detail: 'An unexpected error occurred.',
  };
}

/** Hook that lets the app answer unknown non-API GETs with the console (single-page app). */
export type NotFoundFallback = (request: FastifyRequest, reply: FastifyReply) => boolean;

/** The one error shape: every error leaves as `application/problem+json` (RFC 9457). */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly notFoundFallback?: NotFoundFallback) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<FastifyRequest>();
    const reply = context.getResponse<FastifyReply>();
    const problem = toProblem(exception);

    if (problem.status === 404 && this.notFoundFallback?.(request, reply)) return;
    if (problem.status >= 500) {
      this.logger.error({ err: exception, requestId: request.id }, 'Unhandled error');
    }
    const body: ProblemDetails = {
      type: PROBLEM_TYPE_PREFIX + problem.slug,
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      instance: request.url?.split('?')[0],
      requestId: String(request.id),
      ...(problem.errors?.length ? { errors: problem.errors } : {}),
      ...problem.extensions,
    };
    if (problem.status === HttpStatus.UNAUTHORIZED) reply.header('WWW-Authenticate', 'Bearer');
    reply.status(problem.status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(body);
  }
}
