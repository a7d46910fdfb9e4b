import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { CatalogService } from './catalog.service';

@Controller('catalog')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('raw')
  raw(@Query('xpath') expression: string) {
    return this.catalog.byExpression(expression);
  }

  @Post('search')
  search(@Body('name') name: string) {
    return this.catalog.byName(name);
  }

  @Get('field')
  field(@Query('field') field: string) {
    return this.catalog.byField(field);
  }
}
