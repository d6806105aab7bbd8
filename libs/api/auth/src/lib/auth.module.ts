import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule, seconds } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppEnvironment } from '@consultorio/api/core';
import { NotificationsModule } from '@consultorio/api/notifications';
import { UserSessionsPort, UsersModule } from '@consultorio/api/users';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { accountTracker } from './login-throttler.guard';
import { PasswordResetController } from './password-reset.controller';
import { PasswordResetService } from './password-reset.service';
import { RefreshTokenEntity, SessionEntity } from './session.entity';
import { SessionsService } from './sessions.service';

/** Sessions, provided globally so the users feature can end a user's sessions through its port. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([SessionEntity, RefreshTokenEntity])],
  providers: [SessionsService, { provide: UserSessionsPort, useExisting: SessionsService }],
  exports: [SessionsService, UserSessionsPort],
})
export class SessionsModule {}

@Module({
  imports: [
    SessionsModule,
    UsersModule,
    NotificationsModule,
    PassportModule,
    JwtModule.register({}),
    ThrottlerModule.forRootAsync({
      inject: [AppEnvironment],
      useFactory: (env: AppEnvironment) => ({
        throttlers: [
          { name: 'ip', ttl: seconds(env.LOGIN_LIMIT_WINDOW_SECONDS), limit: env.LOGIN_LIMIT_PER_IP },
          {
            name: 'account',
            ttl: seconds(env.LOGIN_LIMIT_WINDOW_SECONDS),
            limit: env.LOGIN_LIMIT_PER_ACCOUNT,
            getTracker: accountTracker,
          },
        ],
      }),
    }),
  ],
  controllers: [AuthController, PasswordResetController],
  providers: [AuthService, JwtStrategy, PasswordResetService],
})
export class AuthModule {}
