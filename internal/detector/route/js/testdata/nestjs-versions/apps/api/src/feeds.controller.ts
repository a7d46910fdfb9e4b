import { Controller, Get, Post, Sse } from '@nestjs/common';
import { RouteKey } from './routes';

@Controller(RouteKey.Feeds)
export class FeedsController {
  @Sse('live') // want: GET /api/v1/feeds/live
  live() {
    return null;
  }

  @Get('public') // want: GET /v1/feeds/public
  publicFeed() {
    return [];
  }

  @Post('public') // want: POST /api/v1/feeds/public
  publish() {
    return {};
  }
}
