package iac

import (
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector/detectortest"
	"github.com/threatmap/threatmap/internal/facts"
)

// Expectations in the fixtures are comments, one per evidence line:
//
//	# want: infra <kind> <subject>    an Infrastructure fact
//	# want: control <kind> <subject>  a Control fact
//	# want: store <kind> <name>       a Store fact
//
// The subject is the start of the fact's Detail, up to the first ":" or
// " (": the Terraform address, the Kubernetes object or the compose
// service. A fact with several evidence lines is expected once per line.

// found maps facts to the same strings, one per evidence.
func found(f facts.Facts) []string {
	var out []string
	for _, x := range f.Infrastructure {
		for range x.Evidence {
			out = append(out, "infra "+x.Kind+" "+subject(x.Detail))
		}
	}
	for _, x := range f.Controls {
		for range x.Evidence {
			out = append(out, "control "+x.Kind+" "+subject(x.Detail))
		}
	}
	for _, x := range f.Stores {
		for range x.Evidence {
			out = append(out, "store "+x.Kind+" "+x.Name)
		}
	}
	return out
}

func subject(detail string) string {
	s, _, _ := strings.Cut(detail, ":")
	s, _, _ = strings.Cut(s, " (")
	return s
}

func withPrefix(xs []string, prefix string) []string {
	var out []string
	for _, x := range xs {
		if strings.HasPrefix(x, prefix) {
			out = append(out, x)
		}
	}
	return out
}

func TestTerraformFixtures(t *testing.T) {
	const dir = "testdata/terraform"
	f := detectortest.Scan(t, dir, NewTerraform())
	got := found(f)
	for _, cat := range []string{"infra", "control", "store"} {
		t.Run(cat, func(t *testing.T) {
			detectortest.Check(t, "terraform "+cat, withPrefix(got, cat+" "), prefixed(detectortest.Wants(t, dir, cat+" "), cat+" "))
		})
	}
	assertWarned(t, f, "broken/main.tf")
}

func prefixed(xs []string, prefix string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = prefix + x
	}
	return out
}

func assertWarned(t *testing.T, f facts.Facts, file string) {
	t.Helper()
	for _, w := range f.Warnings {
		if strings.HasSuffix(w.File, file) {
			return
		}
	}
	t.Errorf("no warning for %s; warnings: %+v", file, f.Warnings)
}

func TestIngressExposure(t *testing.T) {
	tests := []struct {
		name string
		r    ingress
		want string
	}{
		{"postgres to world", ingress{from: 5432, to: 5432, portsKnown: true, protocol: "tcp", cidrs: []string{"0.0.0.0/0"}}, "port 5432 (PostgreSQL) open to 0.0.0.0/0"},
		{"range covering ssh", ingress{from: 20, to: 25, portsKnown: true, protocol: "tcp", cidrs: []string{"::/0"}}, "port 22 (SSH) open to ::/0"},
		{"all protocols", ingress{protocol: "-1", cidrs: []string{"0.0.0.0/0"}}, "all ports open to 0.0.0.0/0"},
		{"full tcp range", ingress{from: 0, to: 65535, portsKnown: true, protocol: "tcp", cidrs: []string{"0.0.0.0/0"}}, "all ports open to 0.0.0.0/0"},
		{"https is fine", ingress{from: 443, to: 443, portsKnown: true, protocol: "tcp", cidrs: []string{"0.0.0.0/0"}}, ""},
		{"private cidr", ingress{from: 22, to: 22, portsKnown: true, protocol: "tcp", cidrs: []string{"10.0.0.0/8"}}, ""},
		{"unknown ports", ingress{protocol: "tcp", cidrs: []string{"0.0.0.0/0"}}, ""},
		{"icmp", ingress{from: -1, to: -1, portsKnown: true, protocol: "icmp", cidrs: []string{"0.0.0.0/0"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.exposure(); got != tt.want {
				t.Errorf("exposure() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPublicStatements(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want string
	}{
		{"anyone get", `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject"}]}`, "s3:GetObject"},
		{"aws star list", `{"Statement":{"Effect":"Allow","Principal":{"AWS":["*"]},"Action":["s3:ListBucket","s3:GetObject"]}}`, "s3:GetObject, s3:ListBucket"},
		{"conditioned", `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Condition":{"IpAddress":{"aws:SourceIp":"1.2.3.4/32"}}}]}`, ""},
		{"deny", `{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*"}]}`, ""},
		{"one account", `{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:root"},"Action":"s3:GetObject"}]}`, ""},
		{"not json", `hello`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newModule(".")
			blocks, err := parseTerraform("p.tf", []byte("resource \"aws_s3_bucket_policy\" \"p\" {\n  policy = <<EOT\n"+tt.doc+"\nEOT\n}\n"))
			if err != nil {
				t.Fatal(err)
			}
			m.add(blocks)
			if got := publicPolicy(m, attr(m.blocks[0].body, "policy")); got != tt.want {
				t.Errorf("publicPolicy = %q, want %q", got, tt.want)
			}
		})
	}
}
