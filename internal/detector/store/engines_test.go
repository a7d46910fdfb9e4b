package store

import (
	"context"
	"slices"
	"sort"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
)

// TestEngineShapes: each way an ORM or client names its database, one
// file each, with the lookalikes that must open nothing.
func TestEngineShapes(t *testing.T) {
	tests := []struct {
		name, path, src string
		want            []string
	}{
		{"sequelize sqlite dialect", "models/index.ts",
			"import { Sequelize } from 'sequelize'\nexport const sequelize = new Sequelize('db', 'user', 'pw', {\n  dialect: 'sqlite',\n  storage: 'data/app.sqlite',\n})\n",
			[]string{"sqlite"}},
		{"sequelize-typescript postgres dialect", "server/db.ts",
			"import { Sequelize } from 'sequelize-typescript'\nconst db = new Sequelize(url, { dialect: \"postgres\" as const, logging: false })\n",
			[]string{"postgres"}},
		{"sequelize URL", "db.js", "const { Sequelize } = require('sequelize')\nconst s = new Sequelize('sqlite::memory:')\n", nil},
		{"knex client", "knexfile.js", "module.exports = { client: 'pg', connection: process.env.PG_CONNECTION }\n", []string{"postgres"}},
		{"typeorm forRoot", "src/app.module.ts",
			"import { TypeOrmModule } from '@nestjs/typeorm'\n@Module({ imports: [TypeOrmModule.forRoot({\n  type: 'mysql',\n  host: 'localhost',\n  database: 'app',\n  entities: [User],\n  synchronize: false,\n})] })\nexport class AppModule {}\n",
			[]string{"mysql"}},
		{"typeorm DataSource", "src/data-source.ts",
			"import { DataSource } from 'typeorm'\nexport const AppDataSource = new DataSource({ type: 'better-sqlite3', database: 'app.db', entities: [Post] })\n",
			[]string{"sqlite"}},
		{"ormconfig.json", "ormconfig.json",
			"{\n  \"type\": \"postgres\",\n  \"host\": \"localhost\",\n  \"database\": \"app\",\n  \"entities\": [\"dist/**/*.entity.js\"]\n}\n",
			[]string{"postgres"}},
		{"gorm v1", "main.go",
			"package main\n\nimport \"github.com/jinzhu/gorm\"\n\nfunc open() (*gorm.DB, error) { return gorm.Open(\"sqlite3\", \"app.db\") }\n",
			[]string{"sqlite"}},
		{"database/sql driver name", "internal/db/db.go",
			"package db\n\nimport \"database/sql\"\n\nfunc Open(dsn string) (*sql.DB, error) { return sql.Open(\"postgres\", dsn) }\n",
			[]string{"postgres"}},
		{"sqlx sqlserver", "internal/db/mssql.go",
			"package db\n\nimport \"github.com/jmoiron/sqlx\"\n\nfunc Open(dsn string) (*sqlx.DB, error) { return sqlx.Connect(\"sqlserver\", dsn) }\n",
			[]string{"mssql"}},
		{"clickhouse client", "src/lib/clickhouse.ts",
			"import { createClient } from '@clickhouse/client'\nexport const ch = createClient({ url: process.env.CLICKHOUSE_URL })\n",
			[]string{"clickhouse"}},
		{"dynamodb", "app/table.py", "import boto3\ntable = boto3.resource('dynamodb').Table('users')\n", []string{"dynamodb"}},
		{"lowdb", "src/db.js", "import { JSONFilePreset } from 'lowdb/node'\nconst db = await JSONFilePreset('db.json', { posts: [] })\n", []string{"document-file"}},
		{"marsdb", "data/mongodb.ts", "import * as MarsDB from 'marsdb'\nexport const reviews = new MarsDB.Collection('posts')\n", []string{"document-file"}},

		{"supabase: postgres and a storage bucket", "src/lib/avatars.ts",
			"import { createClient } from '@supabase/supabase-js'\nconst supabase = createClient(url, key)\nawait supabase.storage.from('avatars').upload(path, file)\n",
			[]string{"postgres", "supabase-storage"}},
		{"lookalike: a storage.from without Supabase", "src/lib/local.ts", "const files = local.storage.from('avatars')\n", nil},
		{"lookalike: an option list of engines", "src/ui/options.ts",
			"export const engines = [\n  { type: 'postgres', label: 'PostgreSQL' },\n  { type: 'mysql', label: 'MySQL' },\n]\n", nil},
		{"lookalike: a dialect in a comment", "src/db.ts", "// dialect: 'sqlite' was used before the move\nexport const x = 1\n", nil},
		{"lookalike: an HTTP client option", "src/api.ts", "const api = create({ client: 'web', type: 'json', database: false })\n", nil},
		{"lookalike: os.Open of a file", "main.go", "package main\n\nimport \"os\"\n\nfunc f() { os.Open(\"sqlite3\") }\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := New()
			d.read(&detector.File{Path: tt.path, Data: []byte(tt.src)})
			sink := detector.NewSink()
			if err := d.Finish(context.Background(), sink); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range sink.Result().Stores {
				if !slices.Contains(got, s.Kind) {
					got = append(got, s.Kind)
				}
			}
			sort.Strings(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("kinds = %q, want %q", got, tt.want)
			}
		})
	}
}

// A bucket named where the client made in another file is used.
func TestSupabaseBucketAcrossFiles(t *testing.T) {
	d := New()
	d.read(&detector.File{Path: "lib/supabase.ts", Data: []byte("import { createClient } from '@supabase/supabase-js'\nexport const supabase = createClient(url, key)\n")})
	d.read(&detector.File{Path: "db/files.ts", Data: []byte("import { supabase } from '../lib/supabase'\nconst bucket = \"avatars\"\nexport const del = (p) => supabase.storage.from(bucket).remove([p])\nexport const up = (p, f) => supabase.storage\n  .from(\"files\")\n  .upload(p, f)\n")})
	sink := detector.NewSink()
	if err := d.Finish(context.Background(), sink); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range sink.Result().Stores {
		names = append(names, s.Name)
	}
	if !slices.Contains(names, "Supabase Storage bucket files") || !slices.Contains(names, "Supabase Storage bucket avatars") {
		t.Errorf("stores = %q, want the bucket files", names)
	}
}
