import { Controller, Get } from '@nestjs/common';

@Controller('status')
export class AppController {
  @Get() // want: route GET /status
  status() {
    return { ok: true };
  }
}
