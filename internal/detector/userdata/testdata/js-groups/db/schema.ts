import { foreignKey, pgTable, text, uuid, timestamp, primaryKey } from "drizzle-orm/pg-core";

// A person: named, with an e-mail. want: asset user-data users email,full_name
export const users = pgTable("users", {
  id: uuid().primaryKey(),
  fullName: text("full_name"),
  email: text(),
});

// A team keeps an e-mail of its own; people join it. want: asset user-data teams email
export const teams = pgTable("teams", {
  id: uuid().primaryKey(),
  name: text(),
  email: text(),
});

// The membership: a user, a team, a role; the user's. want: asset user-data users_on_team created_at,role
export const usersOnTeam = pgTable(
  "users_on_team",
  {
    userId: uuid("user_id").notNull(),
    teamId: uuid("team_id").notNull(),
    role: text(),
    createdAt: timestamp("created_at"),
  },
  (table) => [
    foreignKey({ columns: [table.teamId], foreignColumns: [teams.id] }),
    foreignKey({ columns: [table.userId], foreignColumns: [users.id] }).onDelete("cascade"),
    primaryKey({ columns: [table.userId, table.teamId] }),
  ],
);

// A report a user wrote: its key is declared in the table's callback.
// want: asset user-data reports period,title
export const reports = pgTable(
  "reports",
  {
    id: uuid().primaryKey(),
    title: text(),
    period: text(),
    createdBy: uuid("created_by"),
    teamId: uuid("team_id"),
  },
  (table) => [foreignKey({ columns: [table.createdBy], foreignColumns: [users.id] })],
);

// Lookalike: the team's own tags belong to a group, not to a person.
export const tags = pgTable(
  "tags",
  {
    id: uuid().primaryKey(),
    label: text(),
    teamId: uuid("team_id"),
  },
  (table) => [foreignKey({ columns: [table.teamId], foreignColumns: [teams.id] })],
);
