import { Controller, Get, UseGuards } from '@nestjs/common';
import { StrictJwtGuard } from '../common/strict-jwt.guard';
import { Public } from '../common/public.decorator';

@UseGuards(StrictJwtGuard)
@Controller('stats')
export class StatsController {
  @Get() // want: GET /api/private/admin/stats
  // want: auth GET /api/private/admin/stats required
  all() {
    return [];
  }

  @Public()
  @Get('summary') // want: GET /api/private/admin/stats/summary
  // want: auth GET /api/private/admin/stats/summary required
  summary() {
    return {};
  }
}
