// Lookalike: a converter run by hand reads an old database file into the
// app's; that file is no store the app keeps.
import Database from "better-sqlite3";

export const legacy = () => new Database("./legacy.sqlite").prepare("SELECT * FROM rows").all();
