import { Pool } from "pg"; // want: store postgres PostgreSQL (DATABASE_URL)

export const pool = new Pool({ connectionString: process.env.DATABASE_URL });
