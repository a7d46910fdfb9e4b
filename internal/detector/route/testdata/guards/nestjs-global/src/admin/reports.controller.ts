import { Controller, Get } from '@nestjs/common';

@Controller('reports')
export class ReportsController {
  @Get() // want: GET /reports auth=required role=staff
  list() {
    return [];
  }
}
