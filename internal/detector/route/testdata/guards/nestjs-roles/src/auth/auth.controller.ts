import { Body, Controller, Get, HttpCode, Post, SerializeOptions } from '@nestjs/common';
import { Auth } from '@acme/nest-auth';

@Controller('auth')
export class AuthController {
  // A library decorator that shapes the response is no guard.
  @SerializeOptions({ groups: ['me'] })
  @Post('login') // want: POST /auth/login auth=none
  @HttpCode(200)
  login(@Body() body: any) {
    return body;
  }

  // A guard decorator from a package whose code is not in the tree.
  @Auth()
  @Get('profile') // want: GET /auth/profile auth=unknown
  profile() {
    return {};
  }
}
