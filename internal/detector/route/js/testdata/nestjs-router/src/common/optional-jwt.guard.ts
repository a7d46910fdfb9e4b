import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

// Reads a token when one is sent and lets everyone in: canActivate never
// hands on to passport's, and handleRequest throws nothing.
@Injectable()
export class OptionalJwtGuard extends AuthGuard('jwt') {
  canActivate() {
    return true;
  }

  handleRequest(_err: any, user: any) {
    return user || null;
  }
}
