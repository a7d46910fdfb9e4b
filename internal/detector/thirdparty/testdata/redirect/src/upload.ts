// The SDK's commands, sent through the client shots.ts makes at R2: this
// file makes no client, so it reaches R2 too, not Amazon S3.
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { r2 } from "./shots";

export const upload = (key: string, body: Buffer) => r2.send(new PutObjectCommand({ Bucket: "shots", Key: key, Body: body }));
