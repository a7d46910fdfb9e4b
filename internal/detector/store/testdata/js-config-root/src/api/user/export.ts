import { createReadStream, createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { config } from '../../lib/config';

export function startExport(userId: number, archive: NodeJS.ReadableStream) {
  const name = `export_${userId}.zip`;
  const out = join(config.core.tempDirectory, name);
  archive.pipe(createWriteStream(out));
  return name;
}

export const download = (name: string) => createReadStream(join(config.core.tempDirectory, name));
export const remove = (name: string) => unlink(join(config.core.tempDirectory, name));
