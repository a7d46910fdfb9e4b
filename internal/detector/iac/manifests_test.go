package iac

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/threatmap/threatmap/internal/detector/detectortest"
	"github.com/threatmap/threatmap/internal/facts"
)

func TestKubernetesFixtures(t *testing.T) {
	const dir = "testdata/kubernetes"
	f := detectortest.Scan(t, dir, NewKubernetes())
	detectortest.Check(t, "kubernetes infra", withPrefix(found(f), "infra "), prefixed(detectortest.Wants(t, dir, "infra "), "infra "))
	assertWarned(t, f, "deploy/broken.yaml")
	for _, w := range f.Warnings {
		if w.File == "chart/templates/service.yaml" {
			t.Errorf("Helm template warned: %s", w.Message)
		}
	}
}

func TestComposeFixtures(t *testing.T) {
	const dir = "testdata/compose"
	f := detectortest.Scan(t, dir, NewCompose())
	got := found(f)
	for _, cat := range []string{"infra", "store"} {
		detectortest.Check(t, "compose "+cat, withPrefix(got, cat+" "), prefixed(detectortest.Wants(t, dir, cat+" "), cat+" "))
	}
	assertWarned(t, f, "broken/docker-compose.yml")
	assertNoValue(t, f, "changeme")
}

// assertNoValue fails if a default password appears in full in any fact.
func assertNoValue(t *testing.T, f facts.Facts, value string) {
	t.Helper()
	for _, x := range f.Infrastructure {
		if strings.Contains(x.Detail, value) {
			t.Errorf("detail shows the password: %q", x.Detail)
		}
	}
}

func TestPublishedPort(t *testing.T) {
	tests := []struct {
		spec string
		want bool
	}{
		{"5432:5432", true},
		{"5432", true},
		{"0.0.0.0:5432:5432", true},
		{"5432:5432/tcp", true},
		{"${DB_PORT:-5432}:5432", true},
		{"127.0.0.1:5432:5432", false},
		{"[::1]:5432:5432", false},
		{"localhost:5432:5432", false},
		{"${BIND:-127.0.0.1}:5432:5432", false},
		{"${BIND}:5432:5432", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: tt.spec}
			if _, got := publishedPort(n); got != tt.want {
				t.Errorf("publishedPort(%q) = %v, want %v", tt.spec, got, tt.want)
			}
		})
	}
}

func TestImageKind(t *testing.T) {
	tests := map[string]string{
		"postgres":                       "postgres",
		"postgres:16-alpine":             "postgres",
		"docker.io/library/mysql:8":      "mysql",
		"bitnami/redis:7.2":              "redis",
		"mongo@sha256:abc":               "mongodb",
		"localhost:5000/postgres:16":     "postgres",
		"${DB_IMAGE:-postgres:15}":       "postgres",
		"mcr.microsoft.com/mssql/server": "mssql",
		"dpage/pgadmin4":                 "",
		"redis-commander":                "",
		"node:20":                        "",
	}
	for image, want := range tests {
		if got := imageKind(image); got != want {
			t.Errorf("imageKind(%q) = %q, want %q", image, got, want)
		}
	}
}

// What code and compose files make public in a bucket: a public-read
// object ACL in each SDK's spelling, a Laravel s3 disk whose visibility
// is public, a MinIO bucket opened to anonymous users; never a private
// ACL, the stock local public disk, a comment or a test.
func TestObjectACLFixtures(t *testing.T) {
	const dir = "testdata/objectacl"
	f := detectortest.Scan(t, dir, NewObjectACL())
	detectortest.Check(t, "object acl", withPrefix(found(f), "infra "), prefixed(detectortest.Wants(t, dir, "infra "), "infra "))
}
