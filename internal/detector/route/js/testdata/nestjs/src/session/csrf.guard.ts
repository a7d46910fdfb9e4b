import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';

// Double-submit CSRF check: the form's field must equal the cookie. It
// answers 401, yet tells nothing of who is calling.
@Injectable()
export class FormGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    if (request.body?.mode === 'form' && request.cookies['_csrf'] !== request.body.csrf) {
      this.fail();
    }
    return true;
  }

  private fail() {
    throw new UnauthorizedException('Invalid credentials');
  }
}
