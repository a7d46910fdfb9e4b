// Lookalike of the setting's folder: the driver joins under a field of
// its own (this.base.path), a folder of its own row.
// want: store filesystem Local file storage (src/lib/datasources)
import { createReadStream } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export class Local {
  constructor(private base: { path: string }) {}
  save = (file: string, data: Buffer) => writeFile(join(this.base.path, file), data);
  get = (file: string) => createReadStream(join(this.base.path, file));
  delete = (file: string) => rm(join(this.base.path, file));
}
