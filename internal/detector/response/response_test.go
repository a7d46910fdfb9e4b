package response

import (
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
