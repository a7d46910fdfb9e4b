import { Body, Controller, Get, Post } from '@nestjs/common';

@Controller('cart')
export class CartController {
  @Get() // want: GET /api/cart; auth GET /api/cart required
  view() {
    return [];
  }

  @Post('items') // want: POST /api/cart/items; auth POST /api/cart/items required
  add(@Body() item: { sku: string }) {
    return item;
  }
}
