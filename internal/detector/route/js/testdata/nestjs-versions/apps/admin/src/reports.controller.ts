import { Controller, Get } from '@nestjs/common';

// Paths as members of a table of this file's own, one named like the
// api app's enum but with other values.
const RouteKey = { Reports: 'reports', Cats: 'kittens' };

@Controller({ path: RouteKey.Reports, version: '2' })
export class ReportsController {
  @Get() // want: GET /reports
  list() {
    return [];
  }
}

@Controller(RouteKey.Cats)
export class KittensController {
  @Get() // want: GET /kittens
  list() {
    return [];
  }
}
