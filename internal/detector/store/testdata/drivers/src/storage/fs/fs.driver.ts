// The fs driver keeps each document under a root folder by its key, and
// reads and deletes it the same way. want: store filesystem Local file storage (src/storage/fs)
import fs from "node:fs";
import { dirname, join } from "node:path";

export const fsDriver = ({ root }: { root: string }) => ({
  save: (key: string, body: NodeJS.ReadableStream) => {
    const p = join(root, key);
    fs.mkdirSync(dirname(p), { recursive: true });
    body.pipe(fs.createWriteStream(p, { flags: "wx" }));
  },
  open: (key: string) => fs.createReadStream(join(root, key)),
  remove: (key: string) => fs.promises.unlink(join(root, key)),
});
