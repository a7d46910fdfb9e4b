// The S3 client pointed at Cloudflare R2 by its endpoint setting: the
// objects go to Cloudflare, not to Amazon.
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { env } from "./env";

const r2 = new S3Client({
  region: "auto",
  endpoint: env.R2_URL, // want: third-party cloudflare-r2
});

export const put = (key: string, body: Buffer) => r2.send(new PutObjectCommand({ Bucket: "shots", Key: key, Body: body }));
