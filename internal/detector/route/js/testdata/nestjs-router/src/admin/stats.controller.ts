import { Controller, Get } from '@nestjs/common';

@Controller('stats')
export class StatsController {
  @Get() // want: GET /api/private/admin/stats
  all() {
    return [];
  }
}
