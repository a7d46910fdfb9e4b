package iac

import (
	"context"
	"os"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
)

// addSeeds adds fixture files as seed inputs, so the seeds run as
// ordinary tests and the fuzzer starts from realistic shapes.
func addSeeds(f *testing.F, files ...string) {
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

func FuzzTerraform(f *testing.F) {
	addSeeds(f, "testdata/terraform/app/storage.tf", "testdata/terraform/app/network.tf", "testdata/terraform/broken/main.tf")
	f.Add([]byte(`locals { a = local.b
b = local.a }
resource "aws_s3_bucket" "x" { bucket = local.a }`))
	// Locals that fan out: one evaluation each, not 4^n.
	f.Add([]byte(`locals {
a = [local.b, local.b, local.b, local.b]
b = [local.c, local.c, local.c, local.c]
c = [local.d, local.d, local.d, local.d]
d = "x"
}
resource "aws_security_group" "s" { ingress { cidr_blocks = local.a } }`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d := NewTerraform()
		out := detector.NewSink()
		ctx := context.Background()
		if err := d.Detect(ctx, &detector.File{Path: "main.tf", Data: data}, out); err != nil {
			t.Fatal(err)
		}
		if err := d.Finish(ctx, out); err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzCompose(f *testing.F) {
	addSeeds(f, "testdata/compose/app/docker-compose.yml", "testdata/compose/dev/compose.yaml")
	f.Add([]byte("a: &a [*a]\nservices: *a\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		out := detector.NewSink()
		if err := NewCompose().Detect(context.Background(), &detector.File{Path: "compose.yaml", Data: data}, out); err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzKubernetes(f *testing.F) {
	addSeeds(f, "testdata/kubernetes/deploy/app.yaml", "testdata/kubernetes/deploy/debug.yml")
	f.Add([]byte("kind: List\napiVersion: v1\nitems: &i [{kind: List, apiVersion: v1, items: *i}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		out := detector.NewSink()
		if err := NewKubernetes().Detect(context.Background(), &detector.File{Path: "k.yaml", Data: data}, out); err != nil {
			t.Fatal(err)
		}
	})
}
