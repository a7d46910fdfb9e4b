package redact

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

type level string

type inner struct {
	Path  string
	Level level
	When  time.Time
}

type outer struct {
	Name    string
	Ptr     *inner
	List    []inner
	Nil     []string
	Empty   []string
	Map     map[string]string
	Any     any
	Array   [2]string
	Bytes   []byte
	Body    string `json:"-"`
	private string
}

func TestCopy(t *testing.T) {
	path := "/hooks/" + stripeKey
	when := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	in := outer{
		Name:    path,
		Ptr:     &inner{Path: path, Level: level(slackBot), When: when},
		List:    []inner{{Path: "/ok"}, {Path: path}},
		Empty:   []string{},
		Map:     map[string]string{path: path},
		Any:     inner{Path: path},
		Array:   [2]string{"x", path},
		Bytes:   []byte(path),
		Body:    path,
		private: path,
	}
	out := Copy(in)

	masked := "/hooks/" + Secret(stripeKey)
	want := outer{
		Name:    masked,
		Ptr:     &inner{Path: masked, Level: level(Secret(slackBot)), When: when},
		List:    []inner{{Path: "/ok"}, {Path: masked}},
		Empty:   []string{},
		Map:     map[string]string{masked: masked},
		Any:     inner{Path: masked},
		Array:   [2]string{"x", masked},
		Bytes:   []byte(path), // bytes are not text
		Body:    path,         // never printed
		private: path,
	}
	if !reflect.DeepEqual(out, want) {
		t.Errorf("Copy =\n%+v\nwant\n%+v", out, want)
	}
	if out.Nil != nil {
		t.Errorf("a nil slice became %#v", out.Nil)
	}
	if in.Name != path || in.Ptr.Path != path || in.List[1].Path != path || in.Map[path] != path {
		t.Errorf("Copy changed its input: %+v", in)
	}
	if out.Ptr == in.Ptr {
		t.Error("Copy shares a pointer with its input")
	}
}

func TestCopyScalars(t *testing.T) {
	if got := Copy("/x/" + githubPAT); strings.Contains(got, githubPAT) {
		t.Errorf("Copy(string) = %q", got)
	}
	if got := Copy(42); got != 42 {
		t.Errorf("Copy(42) = %d", got)
	}
	var nilPtr *inner
	if got := Copy(nilPtr); got != nil {
		t.Errorf("Copy(nil) = %v", got)
	}
}

// A field tagged redact:"id" is masked only where a key is one by its
// form: a slug that merely looks random stays whole, in a string or a list.
func TestCopyIDFields(t *testing.T) {
	type threat struct {
		ID      string   `redact:"id"`
		Assets  []string `redact:"id"`
		Summary string
	}
	slug := "secrets-config-keys-jwtrs256-key"
	key := "sk_" + "live_" + "4eC39HqLyjWDarjtT1zdp7dc"
	in := threat{ID: slug, Assets: []string{slug, "hook-" + key}, Summary: slug}
	got := Copy(in)
	if got.ID != slug || got.Assets[0] != slug {
		t.Errorf("an id was masked: %+v", got)
	}
	if strings.Contains(got.Assets[1], key) {
		t.Errorf("a key inside an id was kept: %q", got.Assets[1])
	}
	if got.Summary == slug {
		t.Errorf("text that looks random was not masked: %q", got.Summary)
	}
}
