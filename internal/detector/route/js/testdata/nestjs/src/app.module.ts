import { Module } from '@nestjs/common';
import { UsersController } from './users/users.controller';
import { AuthController } from './auth/auth.controller';

@Module({ controllers: [UsersController, AuthController] })
export class AppModule {}
