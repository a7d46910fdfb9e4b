// Lookalike: a script that fills a demo folder by hand, no store the app
// keeps.
import fs from "node:fs";
import { join } from "node:path";

export const seed = (dir: string, name: string, body: string) => {
  fs.rmSync(join(dir, name), { force: true });
  fs.writeFileSync(join(dir, name), body);
  return fs.readFileSync(join(dir, name));
};
