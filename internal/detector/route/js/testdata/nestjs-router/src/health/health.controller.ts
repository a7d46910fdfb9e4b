import { Controller, Get, UseGuards } from '@nestjs/common';
import { OptionalJwtGuard } from '../common/optional-jwt.guard';

@Controller('health')
export class HealthController {
  @UseGuards(OptionalJwtGuard)
  @Get() // want: GET /api/health
  // want: auth GET /api/health none
  check() {
    return { ok: true };
  }
}
