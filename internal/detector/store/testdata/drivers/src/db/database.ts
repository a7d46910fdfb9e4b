import { createClient } from "@libsql/client";
import { databaseConfig } from "./database.config";

export const db = createClient({ url: databaseConfig.url.default });
