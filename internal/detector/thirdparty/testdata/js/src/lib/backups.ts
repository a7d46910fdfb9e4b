// Lookalike: an S3 endpoint named by a generic setting (a MinIO or AWS
// endpoint the operator types) is still the S3 client's.
import { S3Client } from "@aws-sdk/client-s3"; // want: third-party aws-s3

export const backups = new S3Client({ endpoint: process.env.S3_ENDPOINT_URL });
