import { Controller, Get } from '@nestjs/common';

@Controller('health')
export class HealthController {
  @Get() // want: GET /api/health
  check() {
    return { ok: true };
  }
}
