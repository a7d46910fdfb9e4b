import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";

const s3 = new S3Client({});

export async function put(key: string, body: Buffer) {
  // want: store s3 S3 bucket from UPLOADS_BUCKET
  await s3.send(new PutObjectCommand({ Bucket: process.env.UPLOADS_BUCKET, Key: key, Body: body }));
}
