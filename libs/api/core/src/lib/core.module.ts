import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditController } from './audit/audit.controller';
import { AuditEntryEntity } from './audit/audit-entry.entity';
import { AuditService } from './audit/audit.service';
import { AppEnvironment } from './config/environment';
import { postgresOptions } from './database/data-source-options';
import { HealthController } from './health/health.controller';
import { JwtAuthGuard, RolesGuard } from './security/auth.guards';
import { PasswordHasher } from './security/password-hasher';
import { SignedLinks } from './security/signed-links';

/**
 * Configuration, database, audit log, health and the global authentication and role guards.
 * `env` is the validated environment; `DATABASE_URL` must be resolved (embedded or external).
 */
@Module({})
export class CoreModule {
  static forRoot(env: AppEnvironment): DynamicModule {
    if (!env.DATABASE_URL) throw new Error('CoreModule needs a resolved DATABASE_URL');
    return {
      module: CoreModule,
      global: true,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ ...env })] }),
        TypeOrmModule.forRoot({ ...postgresOptions(env.DATABASE_URL), autoLoadEntities: true }),
        TypeOrmModule.forFeature([AuditEntryEntity]),
        TerminusModule,
      ],
      controllers: [HealthController, AuditController],
      providers: [
        { provide: AppEnvironment, useValue: env },
        AuditService,
        PasswordHasher,
        SignedLinks,
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
      exports: [AppEnvironment, AuditService, PasswordHasher, SignedLinks],
    };
  }
}
