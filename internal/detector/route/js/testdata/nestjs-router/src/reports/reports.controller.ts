import { Controller, Get } from '@nestjs/common';

@Controller('reports')
export class ReportsController {
  @Get() // want: GET /api/private/reports
  list() {
    return [];
  }
}
