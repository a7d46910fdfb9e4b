import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { spawn, execFile } from 'child_process';

@Injectable()
export class ToolsService {
  constructor(private readonly em: EntityManager) {}

  // The first word of what was asked for is the program run.
  launch(command: string): Promise<string> {
    return new Promise((resolve) => {
      const [program, ...args] = command.split(' ');
      const child = spawn(program, args); // want: command-injection via=query
      child.stdout.on('data', (d: Buffer) => resolve(d.toString()));
    });
  }

  // Lookalike: the program is fixed and no shell reads the arguments.
  ping(host: string) {
    return new Promise((resolve) => execFile('ping', ['-c', '1', host], (_e, out) => resolve(out)));
  }

  // Lookalike: nothing the caller sent reaches the program.
  uptime() {
    return new Promise((resolve) => execFile('uptime', [], (_e, out) => resolve(out)));
  }

  async count(query: string) {
    return this.em.getConnection().execute(query); // want: sql-injection via=query
  }

  async countView(statement: string) {
    return this.em.getConnection().execute(statement); // want: sql-injection via=header
  }

  // Lookalike: a service method that runs a statement of its own.
  async total() {
    return this.em.getConnection().execute('SELECT count(*) AS total FROM items');
  }
}
