import { Injectable } from '@nestjs/common';
import * as fs from 'fs';

@Injectable()
export class MailService {
  async welcome(mail: { to: string }) {
    return this.send({ to: mail.to, template: 'welcome.hbs' });
  }

  async send({ template, ...options }: { template: string; to: string }) {
    const body = await fs.promises.readFile(template, 'utf-8'); // want: path-traversal via=query
    return { ...options, body };
  }
}
