import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FirstUsersSeeder } from './first-users.seeder';
import { RolesController } from './roles.controller';
import { UserEntity } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Users, roles and the demo accounts. Needs a {@link UserSessionsPort} provider (the auth feature's). */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity])],
  controllers: [UsersController, RolesController],
  providers: [UsersService, FirstUsersSeeder],
  exports: [UsersService, FirstUsersSeeder],
})
export class UsersModule {}
