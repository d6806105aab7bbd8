export * from './lib/user.entity';
export * from './lib/user.mapper';
export * from './lib/user-sessions.port';
export * from './lib/users.service';
export * from './lib/users.module';
export * from './lib/first-users.seeder';
