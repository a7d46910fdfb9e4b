import { Body, Controller, Delete, Post, UnauthorizedException, UseGuards } from '@nestjs/common';
import { FormGuard } from './csrf.guard';
import { HeaderCsrfGuard } from './header-csrf.guard';
import { TokenGuard } from './token.guard';
import { AccountsService, IdentityProvider } from './accounts.service';

@Controller('session')
export class SessionController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly idp: IdentityProvider,
  ) {}

  // The admin login hands its form to the class's own login: calling it
  // runs no guard, and it is a login all the same.
  @Post('admin/login') // want: POST /api/session/admin/login; auth POST /api/session/admin/login none
  async adminEnter(@Body() form: LoginForm) {
    return this.enter(form);
  }

  @Post('login') // want: POST /api/session/login; auth POST /api/session/login none
  @UseGuards(FormGuard)
  async enter(@Body() form: LoginForm) {
    if (form.provider) {
      return this.viaProvider(form);
    }
    return this.withPassword(form);
  }

  // A password grant at the identity provider: its 401 is a wrong
  // password, not a caller without a session.
  private async viaProvider(form: LoginForm) {
    try {
      return await this.idp.token({ username: form.email, password: form.password });
    } catch (err) {
      if (err.response.status === 401) {
        throw new UnauthorizedException('Invalid credentials');
      }
      throw err;
    }
  }

  private async withPassword(form: LoginForm) {
    const account = await this.accounts.findByEmail(form.email);
    if (!account || !(await passwordMatches(form.password, account.password))) {
      throw new UnauthorizedException('Invalid credentials');
    }
    return { token: 'signed' };
  }

  @Post('profile') // want: POST /api/session/profile; auth POST /api/session/profile none
  @UseGuards(HeaderCsrfGuard)
  async profile(@Body() form: ProfileForm) {
    return this.accounts.update(form);
  }

  @Delete('tokens') // want: DELETE /api/session/tokens; auth DELETE /api/session/tokens required
  @UseGuards(TokenGuard)
  async revoke() {
    return this.accounts.revokeAll();
  }
}
