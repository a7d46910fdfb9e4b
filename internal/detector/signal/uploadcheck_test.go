package signal

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
)

// An upload route is answered by what its code does with the file: a
// type tested against a list, pattern or lookup in a branch that refuses
// (in the handler or two calls away), an image decoded and encoded
// again, or a random key with no path from the client's file name alone.
// A list computed and never used to refuse checks nothing, and a uuid
// made for the record while the file is kept under its client name keys
// nothing.
func TestUploadChecks(t *testing.T) {
	d := NewCalls()
	root := filepath.Join("testdata", "upload")
	err := filepath.WalkDir(root, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		return d.Detect(context.Background(), &detector.File{Path: filepath.ToSlash(rel), Data: src}, detector.NewSink())
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		handler       string
		checked, keys bool
	}{
		{"upload_picture", true, false},     // Python: extension not in a set, abort
		{"upload_avatar", true, false},      // Python: Pillow open, thumbnail, save
		{"upload_document", false, false},   // lookalike: the set is tested, the branch only logs
		{"upload_attachment", false, false}, // lookalike: uuid for the record, client name for the path
		{"uploadBanner", true, true},        // TS: a service two calls away throws on the extension; uuid key
		{"uploadCover", true, false},        // JS: sharp resize and webp
		{"uploadReceipt", false, false},     // lookalike: includes() only warns; client name for the path
		{"UploadLogo", true, false},         // Go: a lookup's empty answer in a service returns an error
		{"UploadPhoto", true, false},        // Go: image.Decode and png.Encode
		{"UploadFile", false, false},        // lookalike: uuid.New for the record, header.Filename for the path
	} {
		fn, ok := d.code[tc.handler]
		if !ok {
			t.Fatalf("%s: no such function in the fixtures", tc.handler)
		}
		r := facts.Route{Method: "POST", Path: "/upload", File: fn.file, Line: fn.line, Handler: tc.handler, Body: fn.code, Tags: []string{facts.TagUpload}}
		var checked, keys bool
		for _, s := range d.uploadSignals(&r) {
			switch s.Kind {
			case facts.SignalUploadTypeCheck:
				checked = true
			case facts.SignalUploadOpaqueKey:
				keys = true
			}
		}
		if checked != tc.checked || keys != tc.keys {
			t.Errorf("%s (%s): type check %v, opaque key %v; want %v, %v", tc.handler, fn.file, checked, keys, tc.checked, tc.keys)
		}
	}
}
