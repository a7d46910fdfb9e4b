import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';

@Controller('catalog')
export class CatalogController {
  @Get() // want: GET /api/catalog; auth GET /api/catalog none
  list() {
    return [];
  }

  @Get(':id') // want: GET /api/catalog/{id}; auth GET /api/catalog/{id} none
  one(@Param('id') id: string) {
    return { id };
  }

  @Post() // want: POST /api/catalog; auth POST /api/catalog required
  create(@Body() item: { name: string }) {
    return item;
  }

  @Delete(':id') // want: DELETE /api/catalog/{id}; auth DELETE /api/catalog/{id} required
  remove(@Param('id') id: string) {
    return { id };
  }
}
