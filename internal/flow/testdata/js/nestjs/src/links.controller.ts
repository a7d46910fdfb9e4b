import { Controller, Get, Param, Query, Redirect } from '@nestjs/common';

@Controller('links')
export class LinksController {
  // The response redirects to the url the handler returns.
  @Get('go')
  @Redirect()
  go(@Query('url') url: string) {
    return { url }; // want: open-redirect via=query
  }

  @Get('out')
  @Redirect('https://example.com', 302)
  out(@Query('next') next: string) {
    const target = { url: next, statusCode: 301 };
    return target; // want: open-redirect via=query
  }

  // Lookalikes: a url the code fixes the host of, a returned value not
  // a redirect, and a redirect whose url is the code's own.
  @Get('profile/:id')
  @Redirect()
  profile(@Param('id') id: string) {
    return { url: '/profile/' + id };
  }

  @Get('echo')
  echo(@Query('url') url: string) {
    return { url };
  }

  @Get('home')
  @Redirect()
  home(@Query('lang') lang: string) {
    return { url: 'https://example.com/', statusCode: lang ? 302 : 301 };
  }
}
