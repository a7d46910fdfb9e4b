// Lookalike: the product's own upload handler writes to its bucket.
// want: store s3 S3 bucket user-uploads
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";

const s3 = new S3Client({});

export async function saveUpload(key: string, body: Buffer): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: "user-uploads", Key: key, Body: body }));
}
