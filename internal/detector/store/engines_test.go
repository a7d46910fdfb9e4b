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
		// Embedded key-value stores are files the process opens, as SQLite's.
		{"bbolt", "internal/store/bolt.go", "package store\n\nimport bolt \"go.etcd.io/bbolt\"\n\nfunc Open(p string) (*bolt.DB, error) { return bolt.Open(p, 0o600, nil) }\n", []string{"kv-file"}},
		{"badger v4", "internal/cache/cache.go", "package cache\n\nimport badger \"github.com/dgraph-io/badger/v4\"\n\nfunc Open(dir string) (*badger.DB, error) { return badger.Open(badger.DefaultOptions(dir)) }\n", []string{"kv-file"}},
		// Lookalike: etcd's client reaches a cluster over the network; its
		// module path shares the bbolt's domain.
		{"etcd client", "internal/cluster/etcd.go", "package cluster\n\nimport clientv3 \"go.etcd.io/etcd/client/v3\"\n\nfunc Dial(eps []string) (*clientv3.Client, error) { return clientv3.New(clientv3.Config{Endpoints: eps}) }\n", nil},

		{"supabase: postgres and a storage bucket", "src/lib/avatars.ts",
			"import { createClient } from '@supabase/supabase-js'\nconst supabase = createClient(url, key)\nawait supabase.storage.from('avatars').upload(path, file)\n",
			[]string{"postgres", "supabase-storage"}},
		{"vercel blob put", "src/lib/files.ts",
			"import { put, list } from '@vercel/blob'\nexport const save = (name, body) => put(name, body, { access: 'public' })\n",
			[]string{"vercel-blob"}},
		{"vercel edge config", "src/lib/blocklist.ts", "import { get } from '@vercel/edge-config'\nexport const blocked = () => get('emails')\n", []string{"edge-config"}},
		{"tinybird datasource ingest", "src/lib/tb.ts",
			"import { Tinybird } from '@chronark/zod-bird'\nconst tb = new Tinybird({ token: process.env.TINYBIRD_TOKEN })\nexport const publish = tb.buildIngestEndpoint({ datasource: 'page_views__v1', event: schema })\n",
			[]string{"tinybird"}},
		{"upstash vector beside upstash redis", "src/lib/search.ts",
			"import { Index } from '@upstash/vector'\nimport { Redis } from '@upstash/redis'\nexport const index = new Index()\nexport const cache = Redis.fromEnv()\n",
			[]string{"redis", "upstash-vector"}},
		{"openai vector store", "src/ai/store.ts",
			"import OpenAI from 'openai'\nconst openai = new OpenAI()\nexport const make = (name) => openai.vectorStores.create({ name })\n",
			[]string{"openai-vector-store"}},
		{"openai vector store, python", "app/rag.py",
			"from openai import OpenAI\nclient = OpenAI()\nclient.vector_stores.file_batches.upload_and_poll(vector_store_id=vs.id, files=streams)\n",
			[]string{"openai-vector-store"}},
		{"lookalike: chat completions keep nothing", "src/ai/chat.ts",
			"import OpenAI from 'openai'\nconst openai = new OpenAI()\nexport const ask = (q) => openai.chat.completions.create({ model, messages: [q] })\nexport const info = (id) => openai.vectorStores.retrieve(id)\n",
			nil},
		{"lookalike: a vector store class of the app's own, no OpenAI", "src/search/local.ts",
			"import { LocalIndex } from './local-index'\nexport const vectorStores = { create: (n) => new LocalIndex(n) }\nvectorStores.create('docs')\nexport const s = db.vectorStores.create('x')\n",
			nil},
		{"liteque and restate", "packages/queue/index.ts",
			"import { SqliteQueue } from 'liteque'\nimport * as restate from '@restatedev/restate-sdk'\nexport const q = new SqliteQueue('crawl', db)\n",
			[]string{"liteque", "restate"}},
		{"graphile-worker is not pg-boss", "src/worker.ts", "import { run } from 'graphile-worker'\nawait run({ connectionString, taskList })\n", []string{"graphile-worker"}},
		{"django STORAGES to S3", "site/settings.py",
			"STORAGES = {\n    'default': {'BACKEND': 'storages.backends.s3.S3Storage', 'OPTIONS': {'bucket_name': 'media'}},\n    'staticfiles': {'BACKEND': 'django.contrib.staticfiles.storage.StaticFilesStorage'},\n}\n",
			[]string{"s3"}},
		{"django DEFAULT_FILE_STORAGE to GCS", "site/settings.py", "DEFAULT_FILE_STORAGE = 'storages.backends.gcloud.GoogleCloudStorage'\n", []string{"gcs"}},
		{"lookalike: Django's file system storage chosen by a setting", "site/settings.py",
			"STORAGES = {'default': {'BACKEND': env.str('STORAGE_BACKEND', 'django.core.files.storage.FileSystemStorage')}}\n# 'storages.backends.s3.S3Storage' is supported too\n",
			nil},
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

// An S3 bucket is named by where the tree's clients send it
// (code.S3Endpoint): the client's file and the files that only send its
// commands are one store.
func TestS3BucketNamedByEndpoint(t *testing.T) {
	client := func(opts string) *detector.File {
		return &detector.File{Path: "lib/s3.ts", Data: []byte("import { S3Client } from '@aws-sdk/client-s3'\nexport const s3 = new S3Client({ " + opts + " })\n")}
	}
	put := &detector.File{Path: "lib/put.ts", Data: []byte("import { PutObjectCommand } from '@aws-sdk/client-s3'\nimport { s3 } from './s3'\nexport const put = (k, b) => s3.send(new PutObjectCommand({ Bucket: process.env.UPLOADS_BUCKET, Key: k, Body: b }))\n")}
	for _, tt := range []struct {
		name  string
		files []*detector.File
		want  string
	}{
		{"an endpoint of its own", []*detector.File{client("endpoint: process.env.S3_ENDPOINT ?? 'http://minio:9000', forcePathStyle: true"), put}, "S3-compatible bucket from UPLOADS_BUCKET"},
		{"an endpoint that may be unset", []*detector.File{client("endpoint: process.env.S3_ENDPOINT, forcePathStyle: true"), put}, "S3 bucket from UPLOADS_BUCKET"},
		{"a vendor's endpoint", []*detector.File{client("endpoint: `https://${id}.r2.cloudflarestorage.com`"), put}, "Cloudflare R2 bucket from UPLOADS_BUCKET"},
		{"no endpoint", []*detector.File{client("region: process.env.AWS_REGION"), put}, "S3 bucket from UPLOADS_BUCKET"},
		{"a MinIO client", []*detector.File{{Path: "src/storage.ts", Data: []byte("import * as Minio from 'minio'\nconst client = new Minio.Client({ endPoint: process.env.MINIO_HOST, port: 9000, accessKey, secretKey })\nexport const save = (k, b) => client.putObject(process.env.UPLOADS_BUCKET, k, b)\n")}}, "S3-compatible bucket from UPLOADS_BUCKET"},
		{"a NestJS MinIO module and the service that uses it", []*detector.File{
			{Path: "src/storage/storage.module.ts", Data: []byte("import { MinioModule } from 'nestjs-minio-client'\n@Module({ imports: [MinioModule.registerAsync({ useFactory: (c) => ({ endPoint: c.get('STORAGE_HOST'), accessKey: c.get('STORAGE_KEY') }) })] })\nexport class StorageModule {}\n")},
			{Path: "src/storage/storage.service.ts", Data: []byte("import { MinioService } from 'nestjs-minio-client'\nexport class StorageService {\n  constructor(private readonly minio: MinioService) {}\n  put(k, b) { return this.minio.client.putObject(process.env.FILES_BUCKET, k, b) }\n}\n")}}, "S3-compatible bucket from FILES_BUCKET"},
		{"a MinIO client at Amazon's host", []*detector.File{{Path: "app/store.py", Data: []byte("import os\nfrom minio import Minio\nclient = Minio('s3.amazonaws.com', access_key=os.environ['AK'], secret_key=os.environ['SK'])\nclient.fput_object(bucket_name=os.environ['PHOTOS_BUCKET'], object_name=k, file_path=p)\n")}}, "S3 bucket from PHOTOS_BUCKET"},
		{"one client at Amazon beside one at MinIO", []*detector.File{client("region"), {Path: "lib/minio.ts", Data: []byte("import { S3Client } from '@aws-sdk/client-s3'\nexport const m = new S3Client({ endpoint: 'http://minio:9000' })\n")}, put}, "S3 bucket from UPLOADS_BUCKET"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := New()
			for _, f := range tt.files {
				if err := d.Detect(context.Background(), f, nil); err != nil {
					t.Fatal(err)
				}
			}
			sink := detector.NewSink()
			if err := d.Finish(context.Background(), sink); err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, s := range sink.Result().Stores {
				names = append(names, s.Name)
			}
			if !slices.Equal(names, []string{tt.want}) {
				t.Errorf("stores = %q, want %q", names, tt.want)
			}
		})
	}
}

// Buckets named by settings handed to one storage class are that store's
// buckets (bucketSettings); a bucket the code names itself keeps its name.
func TestBucketsFromSettings(t *testing.T) {
	class := &detector.File{Path: "lib/storage.ts", Data: []byte("import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3'\nexport class Storage {\n  private client = new S3Client({ region: process.env.AWS_REGION })\n  constructor(private bucketName: string) {}\n  put(key, body) { return this.client.send(new PutObjectCommand({ Bucket: this.bucketName, Key: key, Body: body })) }\n}\n")}
	config := &detector.File{Path: "lib/config.ts", Data: []byte("export const media = process.env.MEDIA_UPLOAD_BUCKET\nexport const exports = process.env.EXPORT_BUCKET_NAME\nexport const region = process.env.EXPORT_BUCKET_REGION\n")}
	named := &detector.File{Path: "lib/put.ts", Data: []byte("import { PutObjectCommand } from '@aws-sdk/client-s3'\nexport const put = (k, b) => s3.send(new PutObjectCommand({ Bucket: process.env.UPLOADS_BUCKET, Key: k, Body: b }))\nexport const old = process.env.LEGACY_BUCKET\n")}
	for _, tt := range []struct {
		name  string
		files []*detector.File
		want  []string
	}{
		{"a class takes the bucket; settings name two", []*detector.File{class, config}, []string{"S3 bucket from EXPORT_BUCKET_NAME", "S3 bucket from MEDIA_UPLOAD_BUCKET"}},
		{"lookalike: the code names its bucket", []*detector.File{named}, []string{"S3 bucket from UPLOADS_BUCKET"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := New()
			for _, f := range tt.files {
				if err := d.Detect(context.Background(), f, nil); err != nil {
					t.Fatal(err)
				}
			}
			sink := detector.NewSink()
			if err := d.Finish(context.Background(), sink); err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, s := range sink.Result().Stores {
				names = append(names, s.Name)
			}
			slices.Sort(names)
			if !slices.Equal(names, tt.want) {
				t.Errorf("stores = %q, want %q", names, tt.want)
			}
		})
	}
}

func TestRailsAdapterDefaults(t *testing.T) {
	for line, want := range map[string]string{
		`  adapter: <%= ENV.fetch("DB_ADAPTER", "postgresql") %>`:    "postgresql",
		`  adapter: <%= ENV.fetch("DB_ADAPTER") { "mysql2" } %>`:     "mysql2",
		`  adapter: <%= ENV["DB_ADAPTER"] || "sqlite3" %>`:           "sqlite3",
		`  adapter: <%= ENV.fetch("DB_ADAPTER") %>`:                  "",
		`  adapter: <%= ENV.fetch("DB_ADAPTER", default_adapter) %>`: "",
	} {
		if got := erbDefault([]byte(line), 1); got != want {
			t.Errorf("erbDefault(%s) = %q, want %q", line, got, want)
		}
	}
	for gem, want := range map[string]string{
		"pg": "postgres", "mysql2": "mysql", "trilogy": "mysql", "sqlite3": "sqlite",
		"activerecord-enhancedsqlite3-adapter": "sqlite", "activerecord-postgis-adapter": "postgres",
		"activerecord-sqlserver-adapter": "mssql",
		"pghero":                         "", "sqlite3_ar_regexp": "", "activerecord-import": "", "redis": "",
	} {
		if got := railsGemEngine(gem); got != want {
			t.Errorf("railsGemEngine(%s) = %q, want %q", gem, got, want)
		}
	}
}
