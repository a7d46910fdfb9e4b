import { Body, Controller, Get, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { JwtAuthGuard } from './jwt-auth.guard';

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  @Post('login') // want: POST /api/auth/login; auth POST /api/auth/login none
  login(@Body() body: { email: string; password: string }) {
    return { token: 'signed' };
  }

  @ApiBearerAuth()
  @UseGuards(JwtAuthGuard)
  @Get('me') // want: GET /api/auth/me; auth GET /api/auth/me required
  me(@Req() req: { user: unknown }) {
    return req.user;
  }
}
