import { Body, Controller, Get, Post, Req } from '@nestjs/common';
import { AllowGuest } from './allow-guest.decorator';

@Controller('auth')
export class AuthController {
  @AllowGuest()
  @Post('login') // want: POST /portal/auth/login; auth POST /portal/auth/login none
  login(@Body() body: { email: string; password: string }) {
    return { ok: true };
  }

  @Get('me') // want: GET /portal/auth/me; auth GET /portal/auth/me required
  me(@Req() req: { user: unknown }) {
    return req.user;
  }
}
