import { S3mini } from "s3mini";
import { storageConfig } from "./storage.config";

export const s3Driver = (cfg: typeof storageConfig) => {
  const client = new S3mini({ region: cfg.s3.region, endpoint: cfg.s3.endpoint ?? `https://s3.${cfg.s3.region}.amazonaws.com` });
  return { save: (key: string, body: Uint8Array) => client.putObject(key, body) };
};
