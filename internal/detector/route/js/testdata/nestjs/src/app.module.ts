import { Module } from '@nestjs/common';
import { UsersController } from './users/users.controller';
import { AuthController } from './auth/auth.controller';
import { SessionController } from './session/session.controller';

@Module({ controllers: [UsersController, AuthController, SessionController] })
export class AppModule {}
