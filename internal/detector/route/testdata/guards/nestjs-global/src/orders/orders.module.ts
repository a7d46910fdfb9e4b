import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { SessionGuard } from '../auth/session.guard';
import { OrdersController } from './orders.controller';

@Module({
  controllers: [OrdersController],
  providers: [{ provide: APP_GUARD, useClass: SessionGuard }],
})
export class OrdersModule {}
