export * from './lib/auth.module';
export * from './lib/auth.service';
export * from './lib/sessions.service';
export * from './lib/session.entity';
export * from './lib/password-reset.service';
