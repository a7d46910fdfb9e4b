// Package code holds the cheap, text-level readers the asset detectors
// share: a file's source with its comments blanked out (once per file),
// its imports, its string literals and the catalogue services it uses.
// No parser: imports are regular enough for line-level matching, and
// blanking comments keeps a commented-out import from counting. Which
// language a file is, and whether it is a test, is package lang's.
package code

import (
	"bytes"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/catalog"
	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/wordscan"
)

// Reads reports whether these readers know l's imports: Python, Go, and
// JavaScript with its family (TypeScript, JSX, Vue, Svelte, Astro).
func Reads(l lang.Lang) bool {
	switch l.Family() {
	case lang.Python, lang.JavaScript, lang.Go:
		return true
	}
	return false
}

// ReadsServices reports whether Uses knows l: the languages Reads knows,
// and PHP, Ruby, Java, Kotlin and C#, whose SDKs it knows by the
// qualified names the code imports (qualifiedImports) and whose hosts it
// reads as it reads any language's.
func ReadsServices(l lang.Lang) bool { return Reads(l) || qualifiedEcosystem(l) != "" }

type strippedKey struct{}

type usesKey struct{}

// Stripped is f's source with its comments blanked (lang.StripComments
// in the language of its path), computed once per file and shared by the
// detectors that read it. The bytes are shared: callers must not modify
// them.
func Stripped(f *detector.File) []byte {
	return detector.Memo(f, strippedKey{}, func() []byte {
		return lang.StripComments(lang.Of(f.Path), f.Data)
	})
}

// FileUses is Uses of Stripped(f), computed once per file. The slice is
// shared: callers must not modify it.
func FileUses(f *detector.File) []Use {
	return detector.Memo(f, usesKey{}, func() []Use {
		l := lang.Of(f.Path)
		if !ReadsServices(l) {
			return nil
		}
		return Uses(l, Stripped(f))
	})
}

// LineAt is the 1-based line of a byte offset. It reads src up to off:
// for the lines of many offsets, use a Lines.
func LineAt(src []byte, off int) int {
	if off > len(src) {
		off = len(src)
	}
	return bytes.Count(src[:off], []byte{'\n'}) + 1
}

// Lines answers LineAt for one source, counting from the offset it was
// last asked: offsets asked in order (a regexp's matches) cost one pass
// over the source, where LineAt for each would cost the source's size
// times their number.
type Lines struct {
	src       []byte
	off, line int
}

// NewLines is a Lines for src.
func NewLines(src []byte) *Lines { return &Lines{src: src, line: 1} }

// At is LineAt(src, off).
func (l *Lines) At(off int) int {
	off = max(0, min(off, len(l.src)))
	if off >= l.off {
		l.line += bytes.Count(l.src[l.off:off], []byte{'\n'})
	} else {
		l.line -= bytes.Count(l.src[off:l.off], []byte{'\n'})
	}
	l.off = off
	return l.line
}

// Import is one module a file imports.
type Import struct {
	Module string
	Line   int
}

var (
	pyImportRE = regexp.MustCompile(`^[ \t]*import[ \t]+([\w.]+(?:[ \t]+as[ \t]+\w+)?(?:[ \t]*,[ \t]*[\w.]+(?:[ \t]+as[ \t]+\w+)?)*)`)
	pyFromRE   = regexp.MustCompile(`^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+\(?([\w \t,]*)`)
	// An import or export statement with its from on the same line, or
	// the closing line of one that spans lines ("} from 'x'").
	jsFromRE  = regexp.MustCompile(`^[ \t]*(?:(?:import|export)\b[^;'"` + "`" + `]*?|\}[ \t]*)\bfrom\s*['"]([^'"\n]+)['"]`)
	jsBareRE  = regexp.MustCompile(`^[ \t]*import\s*['"]([^'"\n]+)['"]`)
	jsCallRE  = regexp.MustCompile(`\b(?:require|import)\s*\(\s*['"]([^'"\n]+)['"]\s*\)`)
	goOneRE   = regexp.MustCompile(`(?m)^[ \t]*import[ \t]+(?:[\w.]+[ \t]+)?"([^"\n]+)"`)
	goBlockRE = regexp.MustCompile(`(?ms)^[ \t]*import[ \t]*\((.*?)\)`)
	goPathRE  = regexp.MustCompile(`"([^"\n]+)"`)
	// goDeclRE finds the first declaration after the imports: Go allows
	// no import below it, so the search stops there.
	goDeclRE = regexp.MustCompile(`(?m)^(?:func|type|var|const)\b`)
)

// Imports lists the modules a file imports, from its stripped source.
// Python "from a import b" yields a and a.b, so that "from google.cloud
// import storage" names google.cloud.storage. Python and JS are read line
// by line, and only lines that can hold an import reach a regex: this
// runs on every source file of the tree.
func Imports(l lang.Lang, stripped []byte) []Import {
	var out []Import
	switch l.Family() {
	case lang.Python, lang.JavaScript:
		line := 0
		for rest := stripped; len(rest) > 0; {
			line++
			text := rest
			if i := bytes.IndexByte(rest, '\n'); i >= 0 {
				text, rest = rest[:i], rest[i+1:]
			} else {
				rest = nil
			}
			if l.Family() == lang.Python {
				out = pythonImports(out, text, line)
			} else {
				out = jsImports(out, text, line)
			}
		}
	case lang.Go:
		head := stripped
		if loc := goDeclRE.FindIndex(stripped); loc != nil {
			head = stripped[:loc[0]]
		}
		for _, m := range goOneRE.FindAllSubmatchIndex(head, -1) {
			out = append(out, Import{Module: string(head[m[2]:m[3]]), Line: LineAt(head, m[2])})
		}
		for _, b := range goBlockRE.FindAllSubmatchIndex(head, -1) {
			for _, m := range goPathRE.FindAllSubmatchIndex(head[b[2]:b[3]], -1) {
				out = append(out, Import{Module: string(head[b[2]+m[2] : b[2]+m[3]]), Line: LineAt(head, b[2]+m[2])})
			}
		}
	default:
		out = qualifiedImports(l, stripped)
	}
	return out
}

// djangoProviderRE is a django-allauth sign-in provider named as an
// installed app ('allauth.socialaccount.providers.google'): Django
// imports every app INSTALLED_APPS names, and a provider is named only
// there.
var djangoProviderRE = regexp.MustCompile(`['"](allauth\.socialaccount\.providers\.\w+)['"]`)

func pythonImports(out []Import, l []byte, line int) []Import {
	if bytes.Contains(l, []byte("allauth.socialaccount.providers.")) {
		for _, m := range djangoProviderRE.FindAllSubmatch(l, -1) {
			out = append(out, Import{Module: string(m[1]), Line: line})
		}
	}
	if !bytes.Contains(l, []byte("import")) {
		return out
	}
	if m := pyImportRE.FindSubmatch(l); m != nil {
		for _, part := range strings.Split(string(m[1]), ",") {
			if f := strings.Fields(part); len(f) > 0 {
				out = append(out, Import{Module: f[0], Line: line})
			}
		}
	}
	if m := pyFromRE.FindSubmatch(l); m != nil {
		mod := string(m[1])
		if strings.HasPrefix(mod, ".") {
			return out // relative: the project's own code
		}
		out = append(out, Import{Module: mod, Line: line})
		for _, part := range strings.Split(string(m[2]), ",") {
			if f := strings.Fields(part); len(f) > 0 && f[0] != "*" {
				out = append(out, Import{Module: mod + "." + f[0], Line: line})
			}
		}
	}
	return out
}

func jsImports(out []Import, l []byte, line int) []Import {
	if bytes.Contains(l, []byte("from")) {
		if m := jsFromRE.FindSubmatch(l); m != nil {
			out = append(out, Import{Module: string(m[1]), Line: line})
		}
	}
	if !bytes.Contains(l, []byte("import")) && !bytes.Contains(l, []byte("require")) {
		return out
	}
	if m := jsBareRE.FindSubmatch(l); m != nil {
		out = append(out, Import{Module: string(m[1]), Line: line})
	}
	for _, m := range jsCallRE.FindAllSubmatch(l, -1) {
		out = append(out, Import{Module: string(m[1]), Line: line})
	}
	return out
}

// Use is a catalogue service a file uses, and where.
type Use struct {
	Service *catalog.Service
	Line    int
}

// Uses lists the catalogue services a file uses: imported SDKs, services
// picked out of a parent SDK by a call (boto3.client("s3") is S3), the
// identity providers a sign-in library's presets configure, and API
// hosts named in string literals. A parent SDK whose service is
// narrowed by a call is still listed: callers decide what to keep.
func Uses(l lang.Lang, stripped []byte) []Use {
	eco := ""
	switch l.Family() {
	case lang.Python:
		eco = "python"
	case lang.JavaScript:
		eco = catalog.NPM
	case lang.Go:
		eco = catalog.Go
	default:
		if eco = qualifiedEcosystem(l); eco == "" {
			return nil
		}
	}
	var out []Use
	imported := map[string]bool{}
	imports := Imports(l, stripped)
	for _, im := range imports {
		if l.Family() == lang.JavaScript && (strings.HasPrefix(im.Module, ".") || strings.HasPrefix(im.Module, "/") || strings.HasPrefix(im.Module, "node:")) {
			continue
		}
		if im.Module == "nodemailer" && mailerSendsNothing(stripped) {
			continue
		}
		if s := qualifiedService(eco, im.Module); s != nil {
			out = append(out, Use{Service: s, Line: im.Line})
			imported[s.ID] = true
		}
	}
	out = append(out, signInUses(l, stripped, imports)...)
	out = append(out, exportUses(l, stripped, imports)...)
	out = append(out, prefixUses(l, stripped, imports)...)
	hs := catalogHosts()
	found, composed := hostsIn(hs, l, stripped, imports)
	var hdr []int
	if len(hs.headers) > 0 && !ImportsMock(imports) {
		hdr = headersIn(hs, stripped)
	}
	for i, s := range catalog.All() {
		if s.ReachedBy(imported) {
			if off := s.CallIn(stripped); off >= 0 {
				out = append(out, Use{Service: s, Line: LineAt(stripped, off)})
			}
		}
		// The service's first host (in catalogue order) that the file
		// names, at its first whole-name occurrence.
		// else the first URL built from parts that names one.
		off := -1
		for _, h := range hs.ofService[i] {
			if off = found[h]; off >= 0 {
				break
			}
		}
		for _, h := range hs.ofService[i] {
			if off >= 0 {
				break
			}
			off = composed[h]
		}
		if off < 0 && hdr != nil {
			for _, h := range hs.headersOf[i] {
				if off = hdr[h]; off >= 0 {
					break
				}
			}
		}
		if off >= 0 {
			out = append(out, Use{Service: s, Line: LineAt(stripped, off)})
		}
	}
	return out
}

// headersIn finds the catalogue's webhook headers a file reads: each as a
// whole string literal ("Stripe-Signature", or all in lower case as some
// frameworks spell them), outside log calls (offset per header, or -1).
// It reads the text after each quote, not every byte: most of a file is
// no string, and the header names start like common words.
func headersIn(hs *hostSet, stripped []byte) []int {
	found := make([]int, len(hs.headers))
	for i := range found {
		found[i] = -1
	}
	for from := 0; from < len(stripped); {
		k := bytes.IndexAny(stripped[from:], "\"'`")
		if k < 0 {
			break
		}
		i := from + k
		from = i + 1
		limit := min(len(stripped), i+1+hs.headerMax+1)
		j := bytes.IndexByte(stripped[i+1:limit], stripped[i])
		if j < 0 {
			continue
		}
		h, ok := hs.headerOf[string(stripped[i+1:i+1+j])]
		if ok && found[h] < 0 && headerRead(stripped, i, i+1+j) && !InLogCall(stripped, i+1) {
			found[h] = i + 1
		}
	}
	return found
}

// headerRead: the literal between the quotes at open and end is read as
// a header: a call's argument (Header.Get("X"), headers.get("x")), an
// index (req.headers["x"]) or a constant's value (name = "X"); an item of
// a list of words ({"Stripe-Signature", ...}) reads nothing.
func headerRead(src []byte, open, end int) bool {
	i := open - 1
	for i >= 0 && IsSpace(src[i]) {
		i--
	}
	if i < 0 {
		return false
	}
	switch src[i] {
	case '(', '=':
		return true
	case '[':
		j := end + 1
		for j < len(src) && IsSpace(src[j]) {
			j++
		}
		return j < len(src) && src[j] == ']'
	}
	return false
}

// IsSpace is \s of Go's regexp: [\t\n\f\r ].
func IsSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func isQuote(c byte) bool { return c == '"' || c == '\'' || c == '`' }

// hostsIn finds the catalogue hosts a file names where a request can be
// made: in its literals and in the URLs it builds from parts (offsets of
// both, per host, or -1). A host only in the arguments of a log call is
// not named, and a file that imports an HTTP mocking library names none:
// it fakes the hosts it names.
func hostsIn(hs *hostSet, l lang.Lang, stripped []byte, imports []Import) (found, composed []int) {
	found = make([]int, hs.hosts.Len())
	composed = make([]int, hs.hosts.Len())
	for i := range found {
		found[i], composed[i] = -1, -1
	}
	if ImportsMock(imports) {
		return found, composed
	}
	skip := func(off int) bool { return InLogCall(stripped, off) || NotRequested(stripped, off) }
	hs.each(stripped, skip, func(n, off int) {
		if found[n] < 0 {
			found[n] = off
		}
	})
	for _, c := range ComposedURLs(l, stripped) {
		if InLogCall(stripped, c.Off) || NotRequested(stripped, c.Off) {
			continue
		}
		hs.each([]byte(c.Text), nil, func(n, _ int) {
			if composed[n] < 0 {
				composed[n] = c.Off
			}
		})
	}
	return found, composed
}

// hostSet finds every catalogue host in one pass over a file, not one
// pass per host.
type hostSet struct {
	hosts *wordscan.Set
	// ofService lists, per service of catalog.All(), its hosts as
	// numbers, in catalogue order, then its bare roots'.
	ofService [][]int
	// root marks the hosts that are a service's bare root, and roots are
	// those roots per service.
	root  []bool
	roots [][]string
	// headers are the catalogue's webhook headers, headersOf their
	// numbers per service; headerOf maps each as written and in lower
	// case to its number, headerMax is the longest.
	headers   []string
	headersOf [][]int
	headerOf  map[string]int
	headerMax int
	// domains are the registrable domains of the catalogue's hosts, each
	// with the one service whose hosts are under it, or nil when several
	// services' are.
	domains map[string]*catalog.Service
}

var catalogHosts = sync.OnceValue(func() *hostSet {
	hs := &hostSet{}
	var hosts []string
	index := map[string]int{}
	for _, s := range catalog.All() {
		var ids []int
		for _, h := range s.Hosts {
			n, ok := index[h]
			if !ok {
				n = len(hosts)
				index[h] = n
				hosts = append(hosts, h)
			}
			ids = append(ids, n)
		}
		hs.ofService = append(hs.ofService, ids)
		var hids []int
		for _, h := range s.Headers {
			hids = append(hids, len(hs.headers))
			hs.headers = append(hs.headers, h)
		}
		hs.headersOf = append(hs.headersOf, hids)
	}
	hs.domains = map[string]*catalog.Service{}
	for i, s := range catalog.All() {
		for _, n := range hs.ofService[i] {
			d := Vendor(strings.SplitN(hosts[n], "/", 2)[0])
			if d == "" {
				continue
			}
			if o, ok := hs.domains[d]; ok && o != s {
				hs.domains[d] = nil // shared (googleapis.com): no one service
			} else {
				hs.domains[d] = s
			}
		}
	}
	// A service's root, where a host of its carries a path, matches too,
	// but only bare (bareRoot): a default server set to
	// https://www.gravatar.com/ is Gravatar, a link to one of its pages is
	// not a request. Only a root whose domain is the service's alone: the
	// root of docs.google.com/gview is many services' host.
	hs.root = make([]bool, len(hosts))
	hs.roots = make([][]string, len(hs.ofService))
	for i, s := range catalog.All() {
		for _, h := range s.Hosts {
			r, _, path := strings.Cut(h, "/")
			if !path {
				continue
			}
			if _, ok := index[r]; ok || hs.domains[Vendor(r)] != s {
				continue
			}
			index[r] = len(hosts)
			hs.ofService[i] = append(hs.ofService[i], len(hosts))
			hs.roots[i] = append(hs.roots[i], r)
			hosts = append(hosts, r)
			hs.root = append(hs.root, true)
		}
	}
	hs.headerOf = map[string]int{}
	for i, h := range hs.headers {
		for _, w := range []string{h, strings.ToLower(h)} {
			if _, ok := hs.headerOf[w]; !ok {
				hs.headerOf[w] = i
			}
		}
		hs.headerMax = max(hs.headerMax, len(h))
	}
	// The catalogue is embedded and validated by its tests: a host set
	// this cannot hold is a build defect.
	hs.hosts = wordscan.MustNew(hosts)
	return hs
})

// in returns, per host, the offset of its first whole-name occurrence
// in src (api.stripe.com, not notapi.stripe.com.evil), or -1.
func (hs *hostSet) in(src []byte) []int {
	found := make([]int, hs.hosts.Len())
	for i := range found {
		found[i] = -1
	}
	hs.each(src, nil, func(n, off int) {
		if found[n] < 0 {
			found[n] = off
		}
	})
	return found
}

// each calls found with the first whole-name occurrence of each host in
// src that skip (when set) does not reject.
func (hs *hostSet) each(src []byte, skip func(off int) bool, found func(n, off int)) {
	seen := make([]bool, hs.hosts.Len())
	left := len(seen)
	wordscan.Each(hs.hosts, src, func(n, off int) bool {
		whole := wholeHost(src, off, len(hs.hosts.Word(n)))
		if whole && hs.root[n] {
			whole = bareRoot(src, off, off+len(hs.hosts.Word(n)))
		}
		if !seen[n] && whole && (skip == nil || !skip(off)) {
			seen[n] = true
			found(n, off)
			left--
		}
		return left > 0
	})
}

// wholeHost reports whether the n bytes at i are a whole host name: no
// host byte before them (a dot may be: a subdomain is the host) or after.
// A name right after a colon or a hash is inside another URL's fragment
// or a chat handle (matrix.to/#/#room:matrix.org), not a host requested.
func wholeHost(src []byte, i, n int) bool {
	end := i + n
	before := i == 0 || !hostByte(src[i-1]) && src[i-1] != ':' && src[i-1] != '#' || src[i-1] == '.'
	after := end == len(src) || !hostByte(src[end])
	return before && after
}

// bareRoot reports whether the host at src[start:end] is a service's
// root written as a base URL: a whole string literal of a scheme, the
// host (a subdomain allowed) and one slash ("https://www.gravatar.com/",
// a default server the code joins paths to), not added to anything. A
// bare host (a map's key), an origin with no slash (a Referer sent) or a
// root a path is appended to (a page of a user's choosing) is not.
func bareRoot(src []byte, start, end int) bool {
	for start > 0 && hostByte(src[start-1]) && src[start-1] != '_' {
		start--
	}
	if start < 3 || string(src[start-2:start]) != "//" {
		return false
	}
	q := start - 2
	if src[q-1] == ':' {
		q--
		for q > 0 && src[q-1] >= 'a' && src[q-1] <= 'z' {
			q--
		}
	}
	if q == 0 || !isQuote(src[q-1]) || end+1 >= len(src) || src[end] != '/' || src[end+1] != src[q-1] {
		return false
	}
	rest := bytes.TrimLeft(src[end+2:], " \t")
	return len(rest) == 0 || rest[0] != '+' && rest[0] != '.' && rest[0] != '%'
}

func hostByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
}

// Span is a half-open byte range.
type Span struct{ Start, End int }

// StringSpans lists the string literals of stripped source (comments
// already blanked), so a match can be told apart from text that only
// quotes code ("set process.env.X first").
func StringSpans(l lang.Lang, stripped []byte) []Span {
	var out []Span
	for i := 0; i < len(stripped); {
		c := stripped[i]
		switch {
		case c == '"' || c == '\'' || c == '`' && l.Family() != lang.Python:
			j := lang.SkipString(stripped, i)
			// Template literals, f-strings and Ruby's interpolated
			// strings hold code in their placeholders: not plain text.
			if c != '`' && !(l.Family() == lang.Python && i > 0 && (stripped[i-1] == 'f' || stripped[i-1] == 'F')) &&
				!(l.Family() == lang.Ruby && c == '"' && bytes.Contains(stripped[i:j], []byte("#{"))) {
				out = append(out, Span{i, j})
			}
			i = j
		default:
			i++
		}
	}
	return out
}

// InSpans reports whether off falls strictly inside one of the sorted spans.
func InSpans(spans []Span, off int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End > off })
	return i < len(spans) && spans[i].Start < off
}
