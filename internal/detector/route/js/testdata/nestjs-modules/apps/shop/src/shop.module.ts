import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { CartController } from './cart/cart.controller';
import { CatalogController } from './catalog/catalog.controller';
import { AccountController } from './account/account.controller';
import { RequestLoggerMiddleware } from './common/request-logger.middleware';
import { TokenMiddleware } from './common/token.middleware';

@Module({ controllers: [CartController, CatalogController, AccountController] })
export class ShopModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(RequestLoggerMiddleware).forRoutes('*');
    consumer.apply(TokenMiddleware).forRoutes(CartController);
    consumer
      .apply(TokenMiddleware)
      .forRoutes(
        { path: 'catalog', method: RequestMethod.POST },
        { path: 'catalog/:sku', method: RequestMethod.DELETE },
      );
    consumer
      .apply(TokenMiddleware)
      .exclude({ path: 'account/signup', method: RequestMethod.POST })
      .forRoutes('account/*');
    // consumer.apply(TokenMiddleware).forRoutes('catalog/*');
  }
}
