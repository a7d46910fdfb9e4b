import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

// The endpoint is a host, no object's URL; files go out signed.
const s3 = new S3Client({ endpoint: process.env.S3_ENDPOINT || "https://s3.amazonaws.com" });

export function link(key) {
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: process.env.FILES_BUCKET, Key: key }), { expiresIn: 300 });
}
