package process

import (
	"fmt"
	"slices"
	"testing"

	"github.com/threatmap/threatmap/internal/facts"
)

func TestFoldDeclaredStores(t *testing.T) {
	st := func(kind, name string, files ...string) facts.Store {
		s := facts.Store{Kind: kind, Name: name}
		for _, f := range files {
			s.Evidence = append(s.Evidence, facts.Evidence{File: f, Line: 1})
		}
		return s
	}
	tests := []struct {
		name string
		in   []facts.Store
		want []string // kind:name:evidence count
	}{
		{"compose database folds into the code's",
			[]facts.Store{st("postgres", "PostgreSQL (DATABASE_URL)", "app/db.py"), st("postgres", "compose service db", "docker-compose.yml")},
			[]string{"postgres:PostgreSQL (DATABASE_URL):2"}},
		{"Kubernetes and Terraform fold too",
			[]facts.Store{st("redis", "Redis (REDIS_URL)", "src/cache.ts"), st("redis", "compose service cache", "deploy/redis.yaml"), st("redis", "aws_elasticache", "infra/main.tf")},
			[]string{"redis:Redis (REDIS_URL):3"}},
		{"an unknown engine takes the one declared server's kind",
			[]facts.Store{st("database", "Database (DATABASE_URL)", "server/db.go"), st("postgres", "compose service db", "compose.yaml")},
			[]string{"postgres:Database (DATABASE_URL):2"}},
		{"two code stores of a kind: which one is meant is unknown",
			[]facts.Store{st("postgres", "PostgreSQL (DATABASE_URL)", "a.py"), st("postgres", "PostgreSQL (REPLICA_URL)", "b.py"), st("postgres", "compose service db", "docker-compose.yml")},
			[]string{"postgres:PostgreSQL (DATABASE_URL):1", "postgres:PostgreSQL (REPLICA_URL):1", "postgres:compose service db:1"}},
		{"lookalike: another kind stays apart",
			[]facts.Store{st("postgres", "PostgreSQL (DATABASE_URL)", "app/db.py"), st("redis", "compose service cache", "docker-compose.yml")},
			[]string{"postgres:PostgreSQL (DATABASE_URL):1", "redis:compose service cache:1"}},
		{"lookalike: buckets are told apart by name, not kind",
			[]facts.Store{st("s3", "S3 bucket from S3_BUCKET", "app/s3.py"), st("s3", "S3 bucket logs", "main.tf")},
			[]string{"s3:S3 bucket from S3_BUCKET:1", "s3:S3 bucket logs:1"}},
		{"one engine declared in two compose files is one store",
			[]facts.Store{st("mysql", "compose service database", "docker/prod/compose.yml"), st("mysql", "compose service db", "docker/dev/compose.yml", "docker/dev/compose.gotenberg.yml")},
			[]string{"mysql:compose service database:3"}},
		{"lookalike: two services of one engine in one file are two databases",
			[]facts.Store{st("postgres", "compose service app-db", "docker-compose.yml"), st("postgres", "compose service keycloak-db", "docker-compose.yml")},
			[]string{"postgres:compose service app-db:1", "postgres:compose service keycloak-db:1"}},
		{"a .env template is the code's word",
			[]facts.Store{st("mysql", "MySQL (MYSQL_URL)", ".env.example"), st("mysql", "compose service db", "docker-compose.yml")},
			[]string{"mysql:MySQL (MYSQL_URL):2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range foldDeclaredStores(slices.Clone(tt.in)) {
				got = append(got, fmt.Sprintf("%s:%s:%d", s.Kind, s.Name, len(s.Evidence)))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
