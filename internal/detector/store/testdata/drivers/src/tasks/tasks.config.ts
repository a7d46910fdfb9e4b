import { createClient } from "@libsql/client";

export const tasksDb = createClient({ url: process.env.TASKS_DB_URL ?? "file:./data/jobs.db" });
