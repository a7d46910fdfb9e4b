// The app's database and its task queue's are two SQLite files, two rows.
// want: store sqlite SQLite (app.sqlite)
// want: store sqlite SQLite (jobs.db)
export const databaseConfig = {
  url: { doc: "The database URL", schema: "string", default: "file:./app.sqlite", env: "DATABASE_URL" },
};
