// Lookalike: an export written once under a key and handed to the user;
// nothing reads it back or deletes it, so no store keeps data here.
import fs from "node:fs";
import { join } from "node:path";

export const writeReport = (dir: string, id: string, csv: string) => fs.writeFileSync(join(dir, id), csv);
