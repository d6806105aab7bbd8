import { plainToInstance, Transform, Type } from 'class-transformer';
import { passwordProblems } from '@consultorio/shared/contracts';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/**
 * Demo-only signing secret so `npm start` works without configuration. Production refuses it.
 * Set `JWT_SECRET` to 32+ random characters anywhere real data lives.
 */
export const DEMO_JWT_SECRET = 'DEMO-ONLY-consultorio-jwt-secret-do-not-use-in-production';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const toBoolean = ({ value }: { value: unknown }) => {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
};

/** Every setting the API reads from the environment, with its default. Documented in the README. */
export class AppEnvironment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** PostgreSQL connection string; when unset an embedded PostgreSQL runs under EMBEDDED_PG_DIR. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// connection string' })
  DATABASE_URL?: string;

  @IsString()
  EMBEDDED_PG_DIR = '.data/pg';

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET = DEMO_JWT_SECRET;

  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(86400)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TTL_DAYS = 30;

  /** How long a password-reset link stays valid, in minutes. */
  @Type(() => Number)
  @IsInt()
  @Min(5)
  @Max(1440)
  PASSWORD_RESET_TTL_MINUTES = 60;

  /** Comma-separated origins allowed by CORS (the console itself is same-origin and needs none). */
  @IsOptional()
  @Matches(/^\s*https?:\/\/[^,\s]+(\s*,\s*https?:\/\/[^,\s]+)*\s*$/, {
    message: 'CORS_ORIGINS must be a comma-separated list of http(s) origins',
  })
  CORS_ORIGINS?: string;

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** Whether to create the demo clinic on an empty database. Refused in production. */
  @Transform(toBoolean)
  @IsBoolean()
  SEED_DEMO = true;

  /** E-mail of the superadmin created when the database has no users (first production start). */
  @IsOptional()
  @IsEmail({}, { message: 'INITIAL_SUPERADMIN_EMAIL must be an e-mail address' })
  INITIAL_SUPERADMIN_EMAIL?: string;

  /** Password of that first superadmin (at least 10 characters, not the e-mail). Change it after logging in. */
  @IsOptional()
  @IsString()
  INITIAL_SUPERADMIN_PASSWORD?: string;

  /** With SEED_DEMO: whether the demo also gets a whole clinic (doctors, patients, appointments). */
  @Transform(toBoolean)
  @IsBoolean()
  SEED_DEMO_CLINIC = true;

  /** Whether to trust X-Forwarded-* headers (behind a reverse proxy). */
  @Transform(toBoolean)
  @IsBoolean()
  TRUST_PROXY = false;

  /**
   * Login, refresh and password-change attempts allowed per client IP per window. A whole clinic
   * often shares one public IP, so this is generous; the per-account limit is the tight one.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_LIMIT_PER_IP = 60;

  /** Login attempts allowed per account (e-mail or username) per window. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_LIMIT_PER_ACCOUNT = 5;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_LIMIT_WINDOW_SECONDS = 60;

  /** Folder with the built console; served at `/` when it exists. */
  @IsString()
  CONSOLE_DIR = 'dist/apps/console/browser';

  /**
   * Where e-mail is sent, `smtp://user:pass@host:587` or `smtps://…:465`. When unset, an embedded
   * mail catcher receives it on a local port (nothing leaves the machine) and the console shows it.
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** Sender of every e-mail, `Name <address>`. */
  @IsString()
  MAIL_FROM = 'Consultorio <no-reply@consultorio.local>';

  /** Port of the embedded mail catcher (only without SMTP_URL); 0 picks a free one. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  MAIL_CATCHER_PORT = 0;

  /**
   * The address patients and staff reach the console at, e.g. `https://citas.clinica.pe`; links in
   * e-mails (confirm, cancel, password reset) start with it. Defaults to `http://localhost:PORT`;
   * required in production.
   */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, {
    message: 'PUBLIC_URL must be an http(s) URL without query or fragment',
  })
  PUBLIC_URL?: string;

  /** Whether this instance delivers queued messages (any number of instances may). */
  @Transform(toBoolean)
  @IsBoolean()
  OUTBOX_DISPATCH = true;

  /** How often the dispatcher looks for due messages, in milliseconds. */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  @Max(60_000)
  OUTBOX_POLL_MS = 1000;

  /** Messages a dispatcher claims at once and sends concurrently over its pooled SMTP connections. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  OUTBOX_BATCH_SIZE = 200;

  /** Wait before the first retry of a failed delivery, in milliseconds; it doubles each time, up to an hour. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  OUTBOX_RETRY_BASE_MS = 30_000;

  /**
   * How long a claimed message stays with its worker, in seconds; if the worker dies, another
   * instance takes the message after this (and may send it a second time, see docs/notifications.md).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3600)
  OUTBOX_LEASE_SECONDS = 120;

  /** Whether this instance runs the reminder scan (any number of instances may; each reminder is queued once). */
  @Transform(toBoolean)
  @IsBoolean()
  REMINDER_SCAN = true;

  /** When the reminder scan runs: a cron expression with seconds, in the server's clock (default: every minute). */
  @Matches(/^\S+( \S+){5}$/, {
    message: 'REMINDER_CRON must be a cron expression with 6 fields (seconds first)',
  })
  REMINDER_CRON = '0 * * * * *';

  /** Delivery attempts of a message before it is marked failed. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  OUTBOX_MAX_ATTEMPTS = 8;
}

/** A configuration problem, reported as one line naming the variable. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

const KEYS = Object.keys(new AppEnvironment()).concat([
  'DATABASE_URL',
  'CORS_ORIGINS',
  'INITIAL_SUPERADMIN_EMAIL',
  'INITIAL_SUPERADMIN_PASSWORD',
  'SMTP_URL',
  'PUBLIC_URL',
]);

/**
 * Reads and validates the environment. Throws a {@link ConfigurationError} whose message names the
 * first wrong variable; production refuses the demo secret and the demo seed.
 */
export function loadEnvironment(raw: Record<string, string | undefined>): AppEnvironment {
  const picked: Record<string, string> = {};
  for (const key of KEYS) {
    const value = raw[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  if (picked['NODE_ENV'] === 'production' && picked['SEED_DEMO'] === undefined) picked['SEED_DEMO'] = 'false';
  const env = plainToInstance(AppEnvironment, picked);
  const errors = validateSync(env, { forbidUnknownValues: false });
  if (errors.length > 0) {
    const first = errors[0];
    const message = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    throw new ConfigurationError(`Invalid configuration: ${first.property}: ${message}`);
  }
  if (!!env.INITIAL_SUPERADMIN_EMAIL !== !!env.INITIAL_SUPERADMIN_PASSWORD) {
    const missing = env.INITIAL_SUPERADMIN_EMAIL ? 'INITIAL_SUPERADMIN_PASSWORD' : 'INITIAL_SUPERADMIN_EMAIL';
    throw new ConfigurationError(
      `Invalid configuration: ${missing}: set both INITIAL_SUPERADMIN_ variables or neither`,
    );
  }
  if (
    env.INITIAL_SUPERADMIN_PASSWORD &&
    passwordProblems(env.INITIAL_SUPERADMIN_PASSWORD, { email: env.INITIAL_SUPERADMIN_EMAIL }).length > 0
  ) {
    throw new ConfigurationError(
      'Invalid configuration: INITIAL_SUPERADMIN_PASSWORD: needs 10+ characters and must not be the e-mail',
    );
  }
  if (env.NODE_ENV === 'production') {
    if (env.JWT_SECRET === DEMO_JWT_SECRET) {
      throw new ConfigurationError(
        'Invalid configuration: JWT_SECRET: the demo secret is refused in production; set 32+ random characters',
      );
    }
    if (env.SEED_DEMO) {
      throw new ConfigurationError('Invalid configuration: SEED_DEMO: demo data is refused in production');
    }
    if (!env.PUBLIC_URL) {
      throw new ConfigurationError(
        'Invalid configuration: PUBLIC_URL: required in production (links in e-mails start with it)',
      );
    }
  }
  return env;
}

/** Base of links in e-mails, without a trailing slash. */
export function publicUrl(env: AppEnvironment): string {
  return (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
}

export function corsOrigins(env: AppEnvironment): string[] {
  return (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
}
