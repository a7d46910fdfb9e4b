import { Injectable, NestMiddleware } from '@nestjs/common';

@Injectable()
export class RequestLoggerMiddleware implements NestMiddleware {
  use(req: { url: string }, _res: unknown, next: () => void) {
    console.log(req.url);
    next();
  }
}
