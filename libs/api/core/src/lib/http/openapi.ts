import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details: the one error shape of the API.',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', example: 'urn:consultorio:problem:validation' },
    title: { type: 'string', example: 'Bad Request' },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string', example: 'The request has 1 invalid field.' },
    instance: { type: 'string', example: '/api/v1/users' },
    requestId: { type: 'string', example: '5f0c6f0e-2d1b-4d8e-9a55-0b4a3f1b2c3d' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'code', 'message'],
        properties: {
          field: { type: 'string', example: 'email' },
          code: { type: 'string', example: 'isEmail' },
          message: { type: 'string', example: 'email must be an email' },
        },
      },
    },
  },
};

const ERROR_DESCRIPTIONS: Record<string, string> = {
  '400': 'Invalid input: malformed JSON, wrong types, unknown fields or bad parameters',
  '401': 'Missing, invalid or expired access token',
  '403': 'The role may not do this',
  '404': 'Not found',
  '409': 'Conflicts with existing data (duplicate, overlap, still referenced)',
  '413': 'Request body too large',
  '422': 'Breaks a business rule',
  '429': 'Too many requests; see Retry-After',
  '500': 'Unexpected error (never caused by input)',
};

type Operation = {
  summary?: string;
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, { description: string; content?: unknown }>;
  'x-public'?: boolean;
  'x-throttled'?: boolean;
};

function problemResponse(status: string) {
  return {
    description: ERROR_DESCRIPTIONS[status] ?? 'Error',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
  };
}

/** Adds the problem+json error responses every operation can give, so integrators see them all. */
function addErrorResponses(document: OpenAPIObject): OpenAPIObject {
  document.components = document.components ?? {};
  document.components.schemas = { ...document.components.schemas, ProblemDetails: PROBLEM_SCHEMA };
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem) as Operation[]) {
      if (!operation || typeof operation !== 'object' || !operation.responses) continue;
      const statuses = new Set(Object.keys(operation.responses));
      const wanted = ['500'];
      if (operation.requestBody || operation.parameters?.length) wanted.push('400');
      if (operation.requestBody) wanted.push('413');
      if (!operation['x-public']) wanted.push('401', '403');
      if (operation['x-throttled']) wanted.push('429');
      for (const status of statuses) {
        if (status.startsWith('4') || status.startsWith('5')) wanted.push(status);
      }
      for (const status of wanted) operation.responses[status] = problemResponse(status);
    }
  }
  return document;
}

/** The OpenAPI document of the running app. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Consultorio API')
    .setDescription(
      'REST API of Consultorio, the clinic management system. Authenticate with `POST /api/v1/auth/login` ' +
        'and send the access token as `Authorization: Bearer <token>`. Lists are paginated ' +
        '(`page`, `pageSize` ≤ 100, `sort`) and answer `{ items, total, page, pageSize }`. Errors are ' +
        'RFC 9457 problem details (`application/problem+json`).',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return addErrorResponses(SwaggerModule.createDocument(app, config));
}

/** Serves Swagger UI at `/api/docs` and the JSON document at `/api/docs-json`. */
export function setupSwagger(app: INestApplication): OpenAPIObject {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    yamlDocumentUrl: 'api/docs-yaml',
    customSiteTitle: 'Consultorio API',
    swaggerOptions: { persistAuthorization: true },
  });
  return document;
}
