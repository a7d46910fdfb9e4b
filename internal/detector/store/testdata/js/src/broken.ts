import Database from "better-sqlite3"; // want: store sqlite SQLite
const db = new Database("app.db"
export function (
