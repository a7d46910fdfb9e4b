import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ToolsService } from './tools.service';
import { FilesService } from './files/files.service';
import { MailService } from './mail.service';

@Controller('api')
export class ToolsController {
  constructor(
    private readonly tools: ToolsService,
    private readonly files: FilesService,
    private readonly mail: MailService,
  ) {}

  @Get('run')
  run(@Query('command') command: string) {
    return this.tools.launch(command);
  }

  @Get('ping')
  ping(@Query('host') host: string) {
    return this.tools.ping(host);
  }

  @Get('uptime')
  uptime() {
    return this.tools.uptime();
  }

  @Get('count')
  count(@Query('query') query: string) {
    return this.tools.count(query);
  }

  @Get('views')
  views(@Headers('x-item') item: string) {
    return this.tools.countView(`UPDATE items SET views = views + 1 WHERE name = '${item}'`);
  }

  @Get('total')
  total(@Query('query') query: string) {
    return this.tools.total();
  }

  // Lookalike: the address is another field of the object than the
  // template read.
  @Get('welcome')
  welcome(@Query() account: { email: string }) {
    return this.mail.welcome({ to: account.email });
  }

  @Get('preview')
  preview(@Query('template') template: string) {
    return this.mail.send({ to: 'preview@example.com', template });
  }

  @Get('file')
  read(@Query('path') path: string) {
    return this.files.open(path);
  }
}
