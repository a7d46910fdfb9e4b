import { Controller, Get, Post, UseGuards } from '@nestjs/common';
import { JwtAuthGuard } from '../common/jwt-auth.guard';
import { Public } from '../common/public.decorator';

@UseGuards(JwtAuthGuard)
@Controller('reports')
export class ReportsController {
  @Get() // want: GET /api/private/reports
  // want: auth GET /api/private/reports required
  list() {
    return [];
  }

  @Public()
  @Post('ping') // want: POST /api/private/reports/ping
  // want: auth POST /api/private/reports/ping none
  ping() {
    return { ok: true };
  }
}
