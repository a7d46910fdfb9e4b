import { S3Client } from "@aws-sdk/client-s3";
import { env } from "./env";

export const r2 = new S3Client({ region: "auto", endpoint: env.R2_URL }); // want: third-party cloudflare-r2
