package store

// The data layer names its tables through placeholders it replaces with
// a configured prefix before running the statements.
//
// want: asset user-data members email,passwd_hash
// want: asset user-data tokens token
const initialSchema = `CREATE TABLE "{{members}}" ("id" integer NOT NULL PRIMARY KEY, "email" varchar(255) NULL,
"passwd_hash" text NOT NULL, "created" bigint NOT NULL);
CREATE TABLE "{{tokens}}" ("id" integer NOT NULL PRIMARY KEY, "token" varchar(64) NOT NULL,
"member_id" integer NOT NULL);
ALTER TABLE "{{tokens}}" ADD CONSTRAINT "{{prefix}}tokens_member_fk" FOREIGN KEY ("member_id")
REFERENCES "{{members}}" ("id") ON DELETE CASCADE;
CREATE TABLE "{{prefix}}settings" ("id" integer NOT NULL PRIMARY KEY, "theme" varchar(32) NOT NULL);
`

// A table whose name is only known at run time (a Go template field with
// spaces) is no model the scan can name: nothing is read from it.
const perTenant = `CREATE TABLE {{ .Tenant }} ("id" integer NOT NULL PRIMARY KEY, "email" text NOT NULL);`
