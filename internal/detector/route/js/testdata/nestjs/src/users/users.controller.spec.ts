import { Controller, Get } from '@nestjs/common';

@Controller('spec-only')
class FakeController {
  @Get()
  list() { return []; }
}
