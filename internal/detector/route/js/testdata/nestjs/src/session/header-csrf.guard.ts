import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';

// The synchronizer-token form of the same check: the session it reads
// holds the form's secret, not a signed-in caller.
@Injectable()
export class HeaderCsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    if (request.headers['x-csrf-token'] !== request.session.csrfSecret) {
      throw new UnauthorizedException();
    }
    return true;
  }
}
