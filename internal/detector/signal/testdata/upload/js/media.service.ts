import { v4 as uuid4 } from "uuid";
import * as path from "path";
import { checkKind } from "./validate";

export class MediaService {
  async storeBanner(
    upload: { filename: string; buffer: Buffer },
    ownerId: string,
  ) {
    const suffix = path.extname(upload.filename).toLowerCase();
    checkKind(suffix, [".png", ".jpg"]);
    const key = `${ownerId}/banners/${uuid4()}${suffix}`;
    await writeObject(key, upload.buffer);
    return key;
  }
}
