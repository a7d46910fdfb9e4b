import { MiddlewareConsumer, Module } from '@nestjs/common';

@Module({})
export class BrokenModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(TokenMiddleware).forRoutes({ path: 'account', method:
