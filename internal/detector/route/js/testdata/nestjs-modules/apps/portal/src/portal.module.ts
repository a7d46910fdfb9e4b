import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AuthModule } from './auth/auth.module';
import { StatusController } from './status/status.controller';

@Module({
  imports: [ThrottlerModule.forRoot([{ ttl: 60000, limit: 30 }]), AuthModule],
  controllers: [StatusController],
  // A rate limiter applied to every route: not auth.
  providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
})
export class PortalModule {}
