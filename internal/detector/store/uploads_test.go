package store

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/regexgate"
)

var writePatterns = []struct {
	re   *regexp.Regexp
	gate *regexgate.Gate
}{{pyWriteRE, pyWriteGate}, {jsWriteRE, jsWriteGate}, {goWriteRE, goWriteGate}}

var writeCases = []string{
	"with open(os.path.join(UPLOAD_DIR, name), 'wb') as out:\n    shutil.copyfileobj(f.file, out)",
	"file.save(os.path.join(app.config['UPLOAD_FOLDER'], fn)); p.write_bytes(b)",
	"async with aiofiles.open(dest, 'wb') as f: ...\nreopen(x, 'w')",
	"fs.promises.writeFile(p, buf); createWriteStream(p); multer({ dest: 'uploads/' })",
	"multer.diskStorage({}); file.mv(`${dir}/x`); notfs.writeFileSync(a)",
	"os.Create(path); os.WriteFile(p, b, 0o600); c.SaveUploadedFile(f, dst); xos.Create(p)",
}

// The gates find the write calls the patterns find, on the cases above and
// on every fixture file, stripped as uploads sees it.
func TestWriteGatesMatchPatterns(t *testing.T) {
	check := func(name string, src []byte) {
		for _, w := range writePatterns {
			want := w.re.FindAllIndex(src, -1)
			var got [][]int
			for _, m := range w.gate.FindAllStringSubmatchIndex(string(src), "", -1) {
				got = append(got, m[:2])
			}
			if !slices.EqualFunc(got, want, slices.Equal) {
				t.Errorf("%s, %s: gate %v, pattern %v", name, w.re, got, want)
			}
		}
	}
	for _, s := range writeCases {
		check(s, []byte(s))
	}
	err := filepath.WalkDir("testdata", func(p string, e fs.DirEntry, err error) error {
		if err != nil || !e.Type().IsRegular() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		check(p, lang.StripComments(lang.Of(p), data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func FuzzWriteGates(f *testing.F) {
	for _, s := range writeCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, w := range writePatterns {
			want := w.re.FindAllStringIndex(s, -1)
			var got [][]int
			for _, m := range w.gate.FindAllStringSubmatchIndex(s, "", -1) {
				got = append(got, m[:2])
			}
			if !slices.EqualFunc(got, want, slices.Equal) {
				t.Errorf("%s: gate %v, pattern %v", w.re, got, want)
			}
		}
	})
}
