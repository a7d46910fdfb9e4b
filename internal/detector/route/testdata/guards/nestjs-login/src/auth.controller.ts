import { Body, Controller, Get, Post, Req, UnauthorizedException } from '@nestjs/common';
import * as bcrypt from 'bcrypt';
import { AccountsService } from './accounts.service';

interface Credentials {
  email: string;
  password: string;
}

@Controller('auth')
export class AuthController {
  constructor(private readonly accounts: AccountsService) {}

  // Each login hands the posted form to a method of this class that
  // answers 401 to a wrong password: that is the login's answer, not a
  // guard in front of it.
  @Post('login') // want: POST /auth/login auth=none
  async login(@Body() form: Credentials) {
    const account = await this.verify(form);
    return { token: this.accounts.issue(account.email) };
  }

  @Post('login/admin') // want: POST /auth/login/admin auth=none
  async adminLogin(@Body() form: Credentials) {
    const account = await this.verify(form);
    return { token: this.accounts.issue(account.email, 'admin') };
  }

  // Lookalike: a method of this class that answers 401 when the session
  // holds no user still guards the route.
  @Get('me') // want: GET /auth/me auth=required
  async me(@Req() req: any) {
    const email = this.signedIn(req);
    return this.accounts.find(email);
  }

  private async verify(form: Credentials) {
    const account = await this.accounts.find(form.email);
    if (!account || !(await bcrypt.compare(form.password, account.passwordHash))) {
      throw new UnauthorizedException('invalid credentials');
    }
    return account;
  }

  private signedIn(req: any): string {
    if (!req.session || !req.session.email) {
      throw new UnauthorizedException();
    }
    return req.session.email;
  }
}
