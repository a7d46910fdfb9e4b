// An S3 client at an endpoint the code gives a value of its own (the
// product's MinIO when the setting is unset) is S3-compatible storage,
// not the third party Amazon S3 (code.S3Endpoint). storage.ts's client,
// with no endpoint, is Amazon S3.
import { S3Client } from "@aws-sdk/client-s3";

export const backups = new S3Client({ endpoint: process.env.S3_ENDPOINT_URL ?? "http://minio:9000" });
