// An upload handler whose file is also the local driver: one folder, one
// row. want: store filesystem Local folder uploads/
import fs from "node:fs";
import { join } from "node:path";
import multer from "multer";

const UPLOAD_DIR = "uploads";
export const upload = multer({ dest: "uploads/" });
export const save = (key: string, body: Buffer) => fs.writeFileSync(join(UPLOAD_DIR, key), body);
export const load = (key: string) => fs.readFileSync(join(UPLOAD_DIR, key));
export const drop = (key: string) => fs.unlinkSync(join(UPLOAD_DIR, key));
