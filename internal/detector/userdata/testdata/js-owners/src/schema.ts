import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

// A person. want: asset user-data members email,full_name
export const membersTable = sqliteTable("members", {
  id: text("id").primaryKey(),
  fullName: text("full_name").notNull(),
  email: text("email").notNull(),
});

// A workspace people join. Who asked to delete it is a pointer the row
// outlives, not its owner; the payment provider's customer is billing
// kept for the members. want: asset user-data workspaces billing_customer_id
// want: asset integrity workspaces billing_customer_id
export const workspacesTable = sqliteTable("workspaces", {
  id: text("id").primaryKey(),
  title: text("title").notNull(),
  billingCustomerId: text("billing_customer_id"),
  removalRequestedBy: text("removal_requested_by").references(() => membersTable.id, { onDelete: "set null" }),
});

// The membership joining a person to a workspace.
// want: asset user-data workspace_members role
export const workspaceMembersTable = sqliteTable("workspace_members", {
  id: text("id").primaryKey(),
  workspaceId: text("workspace_id").notNull().references(() => workspacesTable.id, { onDelete: "cascade" }),
  memberId: text("member_id").notNull().references(() => membersTable.id, { onDelete: "cascade" }),
  role: text("role").notNull(),
});

// Made by a member inside a workspace they join: the member's, though
// the maker's key is emptied when they leave.
// want: asset user-data hooks endpoint,label
export const hooksTable = sqliteTable("hooks", {
  id: text("id").primaryKey(),
  label: text("label").notNull(),
  endpoint: text("endpoint").notNull(),
  workspaceId: text("workspace_id").references(() => workspacesTable.id, { onDelete: "cascade" }),
  madeBy: text("made_by").references(() => membersTable.id, { onDelete: "set null" }),
});

// What belongs to the member's hook is theirs too.
// want: asset user-data hook_runs outcome
export const hookRunsTable = sqliteTable("hook_runs", {
  id: text("id").primaryKey(),
  hookId: text("hook_id").notNull().references(() => hooksTable.id, { onDelete: "cascade" }),
  outcome: text("outcome").notNull(),
});

// Lookalike: the workspace's own labels belong to the group, not to a
// person (no key to a member).
export const labelsTable = sqliteTable("labels", {
  id: text("id").primaryKey(),
  caption: text("caption").notNull(),
  workspaceId: text("workspace_id").notNull().references(() => workspacesTable.id, { onDelete: "cascade" }),
});

// Lookalike: a shared catalogue row; its last editor's key is emptied
// when they go, and no create call writes the caller into it.
export const recipesTable = sqliteTable("recipes", {
  id: text("id").primaryKey(),
  title: text("title").notNull(),
  lastEditedBy: text("last_edited_by").references(() => membersTable.id, { onDelete: "set null" }),
});

// Fire: the same kind of key, but the create call below writes the
// caller's id into it: the row is made for its author.
// want: asset user-data bookmarks title
export const bookmarksTable = sqliteTable("bookmarks", {
  id: text("id").primaryKey(),
  title: text("title").notNull(),
  savedBy: text("saved_by").references(() => membersTable.id, { onDelete: "set null" }),
});

// An auth library's verification: the address a one-time code went to,
// and the code. want: asset user-data verification identifier,value
export const verification = sqliteTable("verification", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: integer("expires_at").notNull(),
});

// A visitor's analytics session: the browser and the page they came
// from. want: asset user-data visits browser,operating_system,referrer
export const visitsTable = sqliteTable("visits", {
  id: text("id").primaryKey(),
  visitorId: text("visitor_id"),
  browser: text("browser"),
  operatingSystem: text("operating_system"),
  referrer: text("referrer"),
  pageviews: integer("pageviews"),
});

// Lookalike: an identifier that is a slug, in a model that verifies
// nothing.
export const channelsTable = sqliteTable("channels", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value"),
});

// A member's notes, and a search index copying some of their columns:
// one model, the index folded into the table. want: asset user-data notes body
export const notesTable = sqliteTable("notes", {
  id: text("id").primaryKey(),
  memberId: text("member_id").notNull().references(() => membersTable.id, { onDelete: "cascade" }),
  heading: text("heading").notNull(),
  body: text("body").notNull(),
  pinned: integer("pinned"),
});

export const noteSearchTable = sqliteTable("note_search", {
  noteId: text("note_id").notNull(),
  heading: text("heading").notNull(),
  body: text("body").notNull(),
});
