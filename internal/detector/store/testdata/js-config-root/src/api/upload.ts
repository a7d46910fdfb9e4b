// A chunked upload keeps its parts under a setting of the configuration;
// the export below writes under the same setting: one folder, one row.
// want: store filesystem Local folder (core.tempDirectory)
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { config as appConfig } from '../lib/config';

export async function uploadChunk(req: { files: { buffer: Buffer }[]; headers: Record<string, string> }) {
  const part = join(appConfig.core.tempDirectory, `partial_${req.headers['x-upload-id']}`);
  await writeFile(part, req.files[0].buffer);
}
