import {
  S3Client,
  PutObjectCommand,
} from "@aws-sdk/client-s3"; // want: third-party aws-s3

export const s3 = new S3Client({ region: process.env.AWS_REGION });
export { PutObjectCommand };
