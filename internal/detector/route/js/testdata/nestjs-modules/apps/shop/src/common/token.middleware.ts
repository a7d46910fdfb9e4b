import { Injectable, NestMiddleware, UnauthorizedException } from '@nestjs/common';

@Injectable()
export class TokenMiddleware implements NestMiddleware {
  use(req: { headers: Record<string, string> }, _res: unknown, next: () => void) {
    if (!req.headers.authorization || !isValidToken(req.headers.authorization)) throw new UnauthorizedException();
    next();
  }
}
