// NestJS in JavaScript, compiled with Babel's decorators plugin: the
// parameter decorators are not JavaScript the JS grammar knows.
import { Body, Controller, Get, Param, Post, Version } from '@nestjs/common';
import { RouteKey } from './routes';

@Controller({ path: RouteKey.Cats, version: ['1', '2'] })
export class CatsController {
  @Get() // want: GET /api/v1/cats; GET /api/v2/cats
  list() {
    return [];
  }

  @Get(':id') // want: GET /api/v1/cats/{id}; GET /api/v2/cats/{id}
  show(@Param('id') id) {
    return { id };
  }

  @Version('3')
  @Post() // want: POST /api/v3/cats
  create(@Body() body) {
    return body;
  }
}
