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

// An organisation people belong to.
export const orgs = pgTable("orgs", {
  id: uuid().primaryKey(),
  title: text(),
});

// want: asset user-data org_members role
export const orgMembers = pgTable("org_members", {
  userId: uuid("user_id").notNull().references(() => users.id),
  orgId: uuid("org_id").notNull().references(() => orgs.id),
  role: text(),
});

// A club its founder set up inside an organisation they belong to; it
// outlives the founder (set null). want: asset user-data clubs name
export const clubs = pgTable("clubs", {
  id: uuid().primaryKey(),
  name: text(),
  orgId: uuid("org_id").notNull().references(() => orgs.id),
  founderId: uuid("founder_id").references(() => users.id, { onDelete: "set null" }),
});

// People run the club beside its founder. want: asset user-data club_members joined_at
export const clubMembers = pgTable("club_members", {
  userId: uuid("user_id").notNull().references(() => users.id),
  clubId: uuid("club_id").notNull().references(() => clubs.id),
  joinedAt: timestamp("joined_at"),
});

// Lookalike: the club's goals are the group's, though its founder is a
// person: ownership does not pass down through a group people run.
export const clubGoals = pgTable("club_goals", {
  id: uuid().primaryKey(),
  target: text(),
  clubId: uuid("club_id").notNull().references(() => clubs.id),
});

// A member's pledge to the club's goal: the row outlives its user (set
// null), but it is made for a person inside a group they join: theirs.
// want: asset user-data goal_pledges amount
export const goalPledges = pgTable("goal_pledges", {
  id: uuid().primaryKey(),
  amount: text(),
  goalId: uuid("goal_id").notNull().references(() => clubGoals.id),
  userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
});

// An article dies with its author (cascade): readers who favourite it
// join no group, and its tags are the author's. want: asset user-data articles headline
export const articles = pgTable("articles", {
  id: uuid().primaryKey(),
  headline: text(),
  authorId: uuid("author_id").notNull().references(() => users.id, { onDelete: "cascade" }),
});

// want: asset user-data favorites created_at
export const favorites = pgTable("favorites", {
  userId: uuid("user_id").notNull().references(() => users.id),
  articleId: uuid("article_id").notNull().references(() => articles.id),
  createdAt: timestamp("created_at"),
});

// want: asset user-data article_labels label
export const articleLabels = pgTable("article_labels", {
  id: uuid().primaryKey(),
  label: text(),
  articleId: uuid("article_id").notNull().references(() => articles.id),
});
