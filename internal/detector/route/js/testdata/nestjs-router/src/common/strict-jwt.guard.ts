import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

// Passport's guard as it is: no opt-out, so a public marker changes
// nothing under it.
@Injectable()
export class StrictJwtGuard extends AuthGuard('jwt') {}
