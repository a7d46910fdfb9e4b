package response

import (
	"context"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/detectortest"
	goroute "github.com/threatmap/threatmap/internal/detector/route/golang"
	jsroute "github.com/threatmap/threatmap/internal/detector/route/js"
	pyroute "github.com/threatmap/threatmap/internal/detector/route/python"
	"github.com/threatmap/threatmap/internal/detector/userdata"
)

// Fixtures mark each expected finding inline: "want: sensitive-response"
// on the line of the response or the serializer's fields.
func TestFixtures(t *testing.T) {
	dir := "testdata/app"
	f := detectortest.Scan(t, dir, []detector.Detector{goroute.New(), pyroute.New(), jsroute.New(), userdata.New(), New()}...)
	detectortest.Check(t, "sensitive responses", detectortest.WeaknessKinds(f), detectortest.Wants(t, dir, ""))
}

func TestSecretField(t *testing.T) {
	for name, want := range map[string]bool{
		"password": true, "passwordHash": true, "hashed_password": true, "reset_token": true, "api_key": true, "totpSecret": true,
		"email": false, "token_count": true, "tokenizer": false, "passport": false, "name": false,
	} {
		if got := SecretField(name); got != want {
			t.Errorf("SecretField(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestGoParsedOnce: the Go route detector and this one read one parse of
// a Go file (File.GoSyntax), not one each.
func TestGoParsedOnce(t *testing.T) {
	ctx := context.Background()
	f := &detector.File{Path: "internal/api/user.go", Data: []byte(`package api

import "net/http"

type User struct {
	Email        string
	PasswordHash string
}

func Routes(mux *http.ServeMux) { mux.HandleFunc("/users", list) }

func list(w http.ResponseWriter, r *http.Request) {}
`)}
	sink := detector.NewSink()
	n := detector.GoParses()
	for _, d := range []detector.Detector{goroute.New(), New()} {
		if err := d.Detect(ctx, f, sink); err != nil {
			t.Fatal(err)
		}
	}
	if got := detector.GoParses() - n; got != 1 {
		t.Errorf("the Go file was parsed %d times", got)
	}
}
