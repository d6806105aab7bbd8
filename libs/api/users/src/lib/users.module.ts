import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DemoUsersSeeder } from './demo-users';
import { RolesController } from './roles.controller';
import { UserEntity } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Users, roles and the demo accounts. Needs a {@link UserSessionsPort} provider (the auth feature's). */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity])],
  controllers: [UsersController, RolesController],
  providers: [UsersService, DemoUsersSeeder],
  exports: [UsersService, DemoUsersSeeder],
})
export class UsersModule {}
