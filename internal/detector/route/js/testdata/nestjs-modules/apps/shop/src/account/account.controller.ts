import { Body, Controller, Get, Post } from '@nestjs/common';

@Controller('account')
export class AccountController {
  @Get('profile') // want: GET /api/account/profile; auth GET /api/account/profile required
  profile() {
    return {};
  }

  @Post('signup') // want: POST /api/account/signup; auth POST /api/account/signup none
  signup(@Body() body: { email: string }) {
    return body;
  }
}
