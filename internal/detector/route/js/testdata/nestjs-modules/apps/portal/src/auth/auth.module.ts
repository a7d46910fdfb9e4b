import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { SessionAuthGuard } from './session-auth.guard';

// Declared in a feature module, yet global: APP_GUARD guards every route
// of the application.
@Module({
  controllers: [AuthController],
  providers: [{ provide: APP_GUARD, useExisting: SessionAuthGuard }, SessionAuthGuard],
})
export class AuthModule {}
