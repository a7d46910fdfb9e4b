package code

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/paritytest"

	"github.com/threatmap/threatmap/internal/catalog"
)

// usesReference is Uses as it was before the hosts were found in one
// pass: a search per host. Uses must return exactly what it returns.
func usesReference(l lang.Lang, stripped []byte) []Use {
	eco := ""
	switch l.Family() {
	case lang.Python:
		eco = "python"
	case lang.JavaScript:
		eco = catalog.NPM
	case lang.Go:
		eco = catalog.Go
	default:
		return nil
	}
	var out []Use
	imported := map[string]bool{}
	imports := Imports(l, stripped)
	mock := ImportsMock(imports)
	composed := ComposedURLs(l, stripped)
	for _, im := range imports {
		if l.Family() == lang.JavaScript && (strings.HasPrefix(im.Module, ".") || strings.HasPrefix(im.Module, "/") || strings.HasPrefix(im.Module, "node:")) {
			continue
		}
		if im.Module == "nodemailer" && mailerSendsNothing(stripped) {
			continue
		}
		if s := catalog.ForPackage(eco, im.Module); s != nil {
			out = append(out, Use{Service: s, Line: im.Line})
			imported[s.ID] = true
		}
	}
	out = append(out, signInUses(l, stripped, imports)...)
	out = append(out, exportUses(l, stripped, imports)...)
	out = append(out, prefixUses(l, stripped, imports)...)
	roots := catalogHosts().roots
	for i, s := range catalog.All() {
		if s.ReachedBy(imported) {
			if off := s.CallIn(stripped); off >= 0 {
				out = append(out, Use{Service: s, Line: LineAt(stripped, off)})
			}
		}
		if mock {
			continue
		}
		off := -1
		hosts := append(slices.Clone(s.Hosts), roots[i]...)
		isRoot := func(h string) bool { return slices.Contains(roots[i], h) }
		for _, h := range hosts {
			if off = hostInReference(stripped, h, true, isRoot(h)); off >= 0 {
				break
			}
		}
		for _, h := range hosts {
			for _, c := range composed {
				if off < 0 && !InLogCall(stripped, c.Off) && !NotRequested(stripped, c.Off) && hostInReference([]byte(c.Text), h, false, isRoot(h)) >= 0 {
					off = c.Off
				}
			}
		}
		for _, h := range s.Headers {
			if off >= 0 {
				break
			}
			off = headerInReference(stripped, h)
		}
		if off >= 0 {
			out = append(out, Use{Service: s, Line: LineAt(stripped, off)})
		}
	}
	return out
}

// headerInReference finds a webhook header as a whole string literal, as
// written or in lower case, outside log calls: its first offset or -1.
func headerInReference(src []byte, header string) int {
	best := -1
	for _, w := range []string{header, strings.ToLower(header)} {
		for from := 0; ; {
			i := bytes.Index(src[from:], []byte(w))
			if i < 0 {
				break
			}
			i += from
			end := i + len(w)
			if i > 0 && end < len(src) && isQuote(src[i-1]) && src[end] == src[i-1] && headerRead(src, i-1, end) && !InLogCall(src, i) {
				if best < 0 || i < best {
					best = i
				}
				break
			}
			from = i + 1
		}
	}
	return best
}

// hostInReference finds one host as a whole host name, returning its
// offset or -1.
func hostInReference(src []byte, host string, skipLogged, root bool) int {
	h := []byte(host)
	for from := 0; ; {
		i := bytes.Index(src[from:], h)
		if i < 0 {
			return -1
		}
		i += from
		end := i + len(h)
		before := i == 0 || !hostByte(src[i-1]) && src[i-1] != ':' && src[i-1] != '#' || src[i-1] == '.'
		after := end == len(src) || !hostByte(src[end])
		if root && after {
			after = bareRoot(src, i, end)
		}
		if before && after && !(skipLogged && (InLogCall(src, i) || NotRequested(src, i))) {
			return i
		}
		from = i + 1
	}
}

func TestHostSetMatchesReference(t *testing.T) {
	hs := catalogHosts()
	for _, src := range []string{
		"",
		"api.openai.com",
		"notapi.openai.com api.openai.com",
		"x.api.openai.com/v1",
		"api.openai.com.evil api.openai.com",
		"https://api.openai.com_x 'https://api.openai.com'",
		"api.cohere.ai api.cohere.com",
		"api.cohere.comapi.cohere.ai",
		"-api.stripe.com api.stripe.com-",
		"x api.openai.co",
		"api.openai.com",
		"hooks.slack.com/x supabase.co\nsupabase.com supabase.co",
		"matrix.to/#/#room:matrix.org #matrix.org https://matrix.org",
		"https://www.gravatar.com/profile 'https://www.gravatar.com/'",
		"\"https://gravatar.com\" docs.google.com/ \"https://docs.google.com/\"",
		"\"gravatar.com\": 1, \"https://gravatar.com/\" + u, `//www.gravatar.com/`",
		"a",
	} {
		found := hs.in([]byte(src))
		for k := range hs.hosts.Len() {
			h := hs.hosts.Word(k)
			if want := hostInReference([]byte(src), h, false, hs.root[k]); found[k] != want {
				t.Errorf("%q: %s at %d, want %d", src, h, found[k], want)
			}
		}
	}
}

// TestUsesMatchesReference compares Uses with usesReference on every
// source file of the detector fixtures, and of any tree named by
// THREATMAP_PARITY_ROOT.
func TestUsesMatchesReference(t *testing.T) {
	roots := []string{"../thirdparty/testdata", "../store/testdata", "../exit/testdata", "../credential/testdata"}
	paritytest.Files(t, roots, func(p string, data []byte) {
		l := lang.Of(p)
		if !Reads(l) {
			return
		}
		src := lang.StripComments(l, data)
		if got, want := Uses(l, src), usesReference(l, src); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %v, want %v", p, got, want)
		}
	})
}

func FuzzUsesMatchesReference(f *testing.F) {
	for _, s := range []string{
		"import httpx\nhttpx.post('https://api.openai.com/v1/chat')\n",
		"fetch('https://notapi.openai.com.evil.example/x')\nfetch(`https://api.stripe.com/v1`)\n",
		"import boto3\ns3 = boto3.client('s3')\nurl = 'https://api.cohere.ai'\n",
		"package x\nimport \"github.com/stripe/stripe-go/v76\"\nvar u = \"api.anthropic.com\"\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, l := range []lang.Lang{lang.Python, lang.JavaScript, lang.Go} {
			src := lang.StripComments(l, []byte(s))
			if got, want := Uses(l, src), usesReference(l, src); !reflect.DeepEqual(got, want) {
				t.Errorf("%v %q: got %v, want %v", l, s, got, want)
			}
		}
	})
}
