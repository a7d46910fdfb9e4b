package signal

import (
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// What an upload route does with the file, read from its handler and the
// functions it calls (two deep, each named by no other function of the
// repository): the code that turns a file away by its type, makes a new
// image of it, or keys it under a value the code made.
//
//   - A type check is a test of the file's name, extension or MIME type
//     against a list, a pattern, a constant or a lookup whose answer is
//     empty for an unknown type, in a condition whose branch turns the
//     request away (throws, raises, aborts, returns). A list computed and
//     never tested, or a test whose branch only logs, checks nothing.
//   - A re-encode decodes the image and encodes it again (Pillow's open
//     and save, sharp's resize or format, Go's image.Decode and an
//     encoder): what is stored is the server's own image.
//   - An opaque key is a random or hash value in the path or key the file
//     is stored under, and no path built from the client's file name
//     without one.

// fileTypeWord is a value that says a file's type: its name, extension or
// MIME type, as the upload libraries name them (Filename, originalname,
// mimetype, content_type) and as code holding them does.
var fileTypeWord = regexp.MustCompile(`(?i)(file_?name|originalname|original_?filename|mime_?type|content_?type|\bext\b|extension|\bsuffix\b)`)

// fileNameWord is the client's file name (not only its extension).
var fileNameWord = regexp.MustCompile(`(?i)(file_?name|originalname|original_?filename|\bfile\.name\b)`)

// extractorCall is a call that takes a part of a name as it is
// (extname, splitext, ToLower, secure_filename): its answer is the
// name's own text, never a lookup's.
var extractorCall = regexp.MustCompile(`(?i)(ext|lower|upper|trim|strip|split|base|name|path|^str$|^string$|tostring|slice|substr)`)

// typeTestOp is a test against a list, a pattern or a constant.
var typeTestOp = regexp.MustCompile(`(\.includes\(|\.has\(|\bContains\w*\(|\bcontains\(|\bnot\s+in\b|\bin\b|indexOf\(|\.test\(|\.match\(|MatchString\(|\bre\.(?:match|search|fullmatch)\(|endswith\(|endsWith\(|HasSuffix\(|startswith\(|startsWith\(|HasPrefix\(|(?:==|!=)=?\s*['"][^'"\n]+['"]|['"][^'"\n]+['"]\s*(?:==|!=)=?)`)

// rejects is a branch that turns the request away.
var rejects = regexp.MustCompile(`(\b(?:throw|raise|abort)\b|\breturn\b|http\.Error\(|\bnext\(\s*(?:new\s+)?\w*[eE]rr|\b(?:cb|callback|done)\(\s*new\s+\w*Error|status\(\s*4\d\d|Status(?:BadRequest|UnsupportedMediaType|Forbidden|UnprocessableEntity)\b)`)

// reencodes are a decode and an encode of an image, each pair one
// library's.
var reencodes = []struct{ decode, encode *regexp.Regexp }{
	{regexp.MustCompile(`\bImage\.open\(`), regexp.MustCompile(`\.(?:save|thumbnail)\(`)},
	{regexp.MustCompile(`\bsharp\(`), regexp.MustCompile(`\)\s*\.\s*(?:resize|toFormat|webp|jpeg|jpg|png|avif|rotate|flatten)\(`)},
	{regexp.MustCompile(`\b(?:image|png|jpeg|gif|webp|imaging)\.Decode\w*\(|\bimaging\.Open\(`), regexp.MustCompile(`\b(?:png|jpeg|gif|webp|imaging)\.Encode\(|\bimaging\.Save\(`)},
	{regexp.MustCompile(`\bJimp\.read\(`), regexp.MustCompile(`\.(?:write|writeAsync|getBuffer\w*)\(`)},
}

// randomValue is a value made at random, or a hash of the content.
var randomValue = regexp.MustCompile(`(uuid\w*\.\w*\(|\buuid[47v]?\w*\(|randomUUID\(|uuidv[47]\(|\bv[47]\(\)|crypto\.randomBytes\(|randomBytes\(|\brand\.(?:Read|Text)\(|ulid\.Make\(|\bsecrets\.token_\w+\(|nanoid\(|cuid\w*\(|\bhashlib\.\w+\(|createHash\(|sha256\.Sum\w*\(|sha1\.Sum\(|md5\.Sum\(|\.hexdigest\(\)|\bgenerate\w*(?:ID|Id|Key|Token)\()`)

// storesAt is a line that builds a path or key, or writes a file.
var storesAt = regexp.MustCompile(`(?i)(\bjoin\(|\.save\(|\.upload\w*\(|\bput\w*\(|writefile|\bcreate\(|\bopen\([^)\n]*['"]w|\bkey\s*[:=]|\$\{|\+\s*['"]/|['"]/['"]\s*\+|\bf['"][^'"\n]*\{|\bmv\(|\brename\w*\(|\.store\(|sprintf\()`)

// uploadFinding is what one upload route's code shows.
type uploadFinding struct {
	typeCheck, opaqueKey *facts.Evidence
}

// unit is one function's code being read, where it starts, and the names
// its caller handed a file's type or name.
type uploadUnit struct {
	code, file string
	line       int
	tainted    []string
	py         bool
}

// maxUploadHelpers bounds how many functions one route's upload is read
// through.
const maxUploadHelpers = 24

// uploadSignals reads an upload route's handler and the functions it
// calls (two deep) for a type check and an opaque key.
func (d *Calls) uploadSignals(r *facts.Route) []facts.Signal {
	if !slices.Contains(r.Tags, facts.TagUpload) || strings.TrimSpace(r.Body) == "" {
		return nil
	}
	file := r.HandlerFile
	if file == "" {
		file = r.File
	}
	start := handlerLine(r, 0).Line
	units := []uploadUnit{{code: string(lang.StripComments(lang.Of(r.File), []byte(r.Body))), file: file, line: start, py: lang.Of(file).Family() == lang.Python}}
	seen := map[string]bool{lastName(r.Handler): true}
	var f uploadFinding
	predictable := false
	for depth := 0; depth < 3 && len(units) > 0; depth++ {
		var next []uploadUnit
		for _, u := range units {
			tc, key, named, calls := readUpload(u)
			if f.typeCheck == nil && tc != nil {
				f.typeCheck = tc
			}
			if f.opaqueKey == nil && key != nil {
				f.opaqueKey = key
			}
			predictable = predictable || named
			if depth == 2 {
				continue
			}
			for _, c := range calls {
				if seen[c.name] || d.allDefs[c.name] != 1 || len(seen) > maxUploadHelpers {
					continue
				}
				fn, ok := d.code[c.name]
				if !ok {
					continue
				}
				seen[c.name] = true
				code := string(lang.StripComments(lang.Of(fn.file), []byte(fn.code)))
				next = append(next, uploadUnit{code: code, file: fn.file, line: fn.line, tainted: paramsHanded(code, c.name, c.tainted), py: lang.Of(fn.file).Family() == lang.Python})
			}
		}
		units = next
	}
	var out []facts.Signal
	if f.typeCheck != nil {
		out = append(out, facts.Signal{Kind: facts.SignalUploadTypeCheck, Detail: "file type tested and refused", Route: r.Key(), In: facts.SignalInHandler, Evidence: *f.typeCheck})
	}
	if f.opaqueKey != nil && !predictable {
		out = append(out, facts.Signal{Kind: facts.SignalUploadOpaqueKey, Route: r.Key(), In: facts.SignalInHandler, Evidence: *f.opaqueKey})
	}
	return out
}

// handedCall is a call a unit makes, and which of its arguments carry the
// file's type or name.
type handedCall struct {
	name    string
	tainted []int
}

// readUpload reads one function: its type check, its opaque key, whether
// it stores under the client's file name, and the calls it makes.
func readUpload(u uploadUnit) (typeCheck, opaqueKey *facts.Evidence, named bool, calls []handedCall) {
	code := u.code
	at := func(off int) *facts.Evidence {
		return &facts.Evidence{File: u.file, Line: u.line + strings.Count(code[:off], "\n")}
	}
	typed := map[string]bool{}
	for _, t := range u.tainted {
		typed[t] = true
	}
	lookup := map[string]bool{}   // a lookup's answer for the type
	random := map[string]bool{}   // a random or hash value
	nameOnly := map[string]bool{} // the client's file name
	mentions := func(s string, set map[string]bool) bool {
		for _, w := range identRE.FindAllString(s, -1) {
			if set[w] {
				return true
			}
		}
		return false
	}
	assigns := assignLHS.FindAllStringSubmatch(code, -1)
	for range 3 {
		for _, m := range assigns {
			lhs, rhs := identRE.FindAllString(m[1], -1), m[2]
			isTyped := fileTypeWord.MatchString(rhs) || mentions(rhs, typed)
			isLookup := isTyped && lookupOf(rhs)
			isRandom := randomValue.MatchString(rhs) || mentions(rhs, random)
			isName := (fileNameWord.MatchString(rhs) || mentions(rhs, nameOnly)) && !extOnly(rhs)
			for _, w := range lhs {
				if w == "const" || w == "let" || w == "var" {
					continue
				}
				typed[w] = typed[w] || isTyped
				lookup[w] = lookup[w] || isLookup || mentions(rhs, lookup)
				random[w] = random[w] || isRandom
				nameOnly[w] = nameOnly[w] || isName
			}
		}
	}
	isTyped := func(s string) bool { return fileTypeWord.MatchString(s) || mentions(s, typed) }
	// Conditions that test the type and branches that turn it away.
	for _, m := range condStart.FindAllStringIndex(code, -1) {
		cond, block := condition(code, m[1], u.py)
		if cond == "" || !isTyped(cond) || !rejects.MatchString(block) {
			continue
		}
		// Go's statement before the condition (if mime := lookup(ext); mime == "").
		if init, _, ok := strings.Cut(cond, ";"); ok {
			if lhs, rhs, ok := strings.Cut(init, ":="); ok && isTyped(rhs) && lookupOf(rhs) {
				for _, w := range identRE.FindAllString(lhs, -1) {
					lookup[w] = true
				}
			}
		}
		if typeTest(cond, typed, lookup) {
			typeCheck = at(m[0])
			break
		}
	}
	// A switch on the type whose default turns it away.
	if typeCheck == nil {
		for _, m := range switchOn.FindAllStringSubmatchIndex(code, -1) {
			if !isTyped(code[m[2]:m[3]]) {
				continue
			}
			rest := code[m[1]:min(len(code), m[1]+1500)]
			if i := strings.Index(rest, "default:"); i >= 0 && rejects.MatchString(rest[i:min(len(rest), i+200)]) {
				typeCheck = at(m[0])
				break
			}
		}
	}
	if typeCheck == nil {
		for _, p := range reencodes {
			if d := p.decode.FindStringIndex(code); d != nil && p.encode.MatchString(code[d[0]:]) {
				typeCheck = at(d[0])
				break
			}
		}
	}
	// Where the file is stored: a line that builds its path or writes it.
	off := 0
	for _, line := range strings.SplitAfter(code, "\n") {
		if storesAt.MatchString(line) && !builtNoPath(line) {
			hasRandom := randomValue.MatchString(line) || mentions(line, random)
			hasName := fileNameWord.MatchString(line) && !extOnly(line) || mentions(line, nameOnly)
			switch {
			case hasRandom && opaqueKey == nil:
				opaqueKey = at(off)
			case hasName && !hasRandom:
				named = true
			}
		}
		off += len(line)
	}
	// The calls it makes, and which arguments carry the type or name.
	for _, m := range callStart.FindAllStringSubmatchIndex(code, -1) {
		callee := strings.ReplaceAll(code[m[2]:m[3]], " ", "")
		name := callee[strings.LastIndex(callee, ".")+1:]
		if len(name) < 4 {
			continue
		}
		hc := handedCall{name: name}
		if end := lang.ClosingBracket(code, m[1]-1); end > m[1] {
			for i, a := range lang.SplitTopLevel(code[m[1]:end]) {
				if isTyped(a) || mentions(a, random) {
					hc.tainted = append(hc.tainted, i)
				}
			}
		}
		calls = append(calls, hc)
	}
	return typeCheck, opaqueKey, named, calls
}

// condStart is where a condition begins.
var condStart = regexp.MustCompile(`\b(?:if|elif|unless)\b`)

// switchOn is a switch on a value.
var switchOn = regexp.MustCompile(`\bswitch\s*\(?\s*([\w.$]+(?:\([^)\n]*\))?)\s*\)?\s*\{`)

// condition is the condition from off (after "if") to its block, and the
// block's first lines: a brace's block, or Python's colon and the lines
// indented under it.
func condition(code string, off int, py bool) (string, string) {
	depth := 0
	for i := off; i < len(code) && i < off+600; i++ {
		switch c := code[i]; c {
		case '\'', '"', '`':
			i = lang.SkipString(code, i) - 1
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case '{':
			if depth == 0 && !py {
				end := lang.ClosingBracket(code, i)
				if end < 0 {
					end = min(len(code), i+400)
				}
				return code[off:i], code[i:min(end+1, i+600)]
			}
			depth++
		case '}':
			depth--
		case ':':
			if depth == 0 {
				nl := strings.IndexByte(code[i:], '\n')
				if nl >= 0 && strings.TrimSpace(code[i+1:i+nl]) == "" {
					return code[off:i], indented(code, off, i+nl+1)
				}
				if nl >= 0 && strings.HasPrefix(code[i+1:], " ") && !strings.HasPrefix(code[i+1:], "=") && pyInline(code[i+1:i+nl]) {
					return code[off:i], code[i : i+nl]
				}
			}
		case '\n':
			if depth == 0 && strings.TrimSpace(code[off:i]) != "" && !strings.HasSuffix(strings.TrimSpace(code[off:i]), "(") && !continues(code[off:i]) {
				// A one-line branch without braces (if (x) return;).
				nl := strings.IndexByte(code[i+1:], '\n')
				if nl < 0 {
					nl = len(code) - i - 1
				}
				return code[off:i], code[off:min(len(code), i+1+nl)]
			}
		}
	}
	return "", ""
}

// indented is a Python branch's block: the lines from start indented
// deeper than the line holding off.
func indented(code string, off, start int) string {
	ls := strings.LastIndexByte(code[:off], '\n') + 1
	depth := len(code[ls:off]) - len(strings.TrimLeft(code[ls:off], " \t"))
	end := start
	for end < len(code) && end < start+600 {
		nl := strings.IndexByte(code[end:], '\n')
		if nl < 0 {
			nl = len(code) - end
		}
		line := code[end : end+nl]
		if t := strings.TrimLeft(line, " \t"); t != "" && len(line)-len(t) <= depth {
			break
		}
		end += nl + 1
	}
	return code[start:min(end, len(code))]
}

// pyInline is a Python branch on the same line (if x: raise E).
func pyInline(s string) bool {
	t := strings.TrimSpace(s)
	return strings.HasPrefix(t, "raise") || strings.HasPrefix(t, "return") || strings.HasPrefix(t, "abort")
}

// continues says a condition's line goes on to the next (an operator at
// its end).
func continues(s string) bool {
	t := strings.TrimSpace(s)
	for _, op := range []string{"||", "&&", " or", " and", "\\", ",", "!"} {
		if strings.HasSuffix(t, op) {
			return true
		}
	}
	return false
}

// typeTest says a condition tests the type: against a list, a pattern or
// a constant, through a negated call given the type (if not
// allowed_file(f.filename)), a map's membership (_, ok := allowed[ext];
// !ok), or a lookup's empty answer (mime == "").
func typeTest(cond string, typed, lookup map[string]bool) bool {
	if typeTestOp.MatchString(cond) {
		return true
	}
	if negatedCall.MatchString(cond) {
		return true
	}
	if strings.Contains(cond, "!ok") || strings.Contains(cond, "not ok") {
		for _, m := range indexOf.FindAllStringSubmatch(cond, -1) {
			if fileTypeWord.MatchString(m[1]) || typed[strings.TrimSpace(m[1])] {
				return true
			}
		}
	}
	for _, m := range emptyTest.FindAllStringSubmatch(cond, -1) {
		for _, g := range m[1:] {
			if g != "" && lookup[g] {
				return true
			}
		}
	}
	return false
}

var (
	negatedCall = regexp.MustCompile(`(?:!\s*|\bnot\s+)(?:await\s+)?[\w.$]+\(`)
	indexOf     = regexp.MustCompile(`\w\[([^\]\n]+)\]`)
	emptyTest   = regexp.MustCompile(`\b(\w+)\s*(?:==|===|\bis)\s*(?:""|''|nil\b|None\b|null\b|undefined\b)|(?:!\s*|\bnot\s+)(\w+)\b\s*(?:$|\)|\{|:|\|\||&&|\bor\b)`)
)

// lookupOf says a value is a lookup's answer for the type: a call that is
// not a mere part of the name, or a table indexed by it.
func lookupOf(rhs string) bool {
	for _, m := range callStart.FindAllStringSubmatch(rhs, -1) {
		callee := strings.ReplaceAll(m[1], " ", "")
		name := strings.ToLower(callee[strings.LastIndex(callee, ".")+1:])
		if !extractorCall.MatchString(name) {
			return true
		}
	}
	return indexOf.MatchString(rhs) && !strings.Contains(rhs, "[0]") && !strings.Contains(rhs, "[1]") && !strings.Contains(rhs, "[-1]")
}

// extOnly says an expression takes only the extension of a name
// (path.extname(f.originalname), os.path.splitext(name)[1]).
func extOnly(s string) bool { return extWord.MatchString(s) }

// extWord is an extension taken from a name.
var extWord = regexp.MustCompile(`(?i)(extname|splitext|extension|\bext\b|_ext\b|\bExt\(|Ext\b)`)

// builtNoPath is an import, which builds no path.
func builtNoPath(line string) bool {
	t := strings.TrimSpace(line)
	return strings.HasPrefix(t, "import ") || strings.HasPrefix(t, "from ")
}

// paramsHanded are a function's parameters that its caller handed the
// file's type or name at the positions given.
func paramsHanded(code, name string, at []int) []string {
	if len(at) == 0 {
		return nil
	}
	i := strings.Index(code, name)
	if i < 0 {
		return nil
	}
	open := strings.IndexByte(code[i:], '(')
	if open < 0 {
		return nil
	}
	open += i
	end := lang.ClosingBracket(code, open)
	if end < 0 {
		return nil
	}
	params := lang.SplitTopLevel(code[open+1 : end])
	if len(params) > 0 {
		if p := strings.TrimSpace(params[0]); p == "self" || p == "cls" {
			params = params[1:]
		}
	}
	var out []string
	for _, k := range at {
		if k >= len(params) {
			continue
		}
		p := strings.TrimSpace(params[k])
		p = strings.TrimLeft(p, "*&.")
		if w := identRE.FindString(p); w != "" && w != "self" && w != "this" {
			out = append(out, w)
		}
	}
	return out
}
