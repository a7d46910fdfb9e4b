import { Controller, Get, Post } from '@nestjs/common';
import { Public } from '../auth/session.guard';

@Controller('orders')
export class OrdersController {
  @Get() // want: GET /orders auth=required
  list() {
    return [];
  }

  @Post() // want: POST /orders auth=required
  create() {
    return {};
  }

  @Public()
  @Get('menu') // want: GET /orders/menu auth=none
  menu() {
    return [];
  }
}
