package signal

import (
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// WeakLimiterKeyedOnHeader is a rate limiter whose key is the address
// X-Forwarded-For or X-Real-IP gives, read from the request as any client
// sends it: a bot that sends a new value with each request is never
// limited. The threat rules read it as no limiter (rate-limit).
const WeakLimiterKeyedOnHeader = "limiter-keyed-on-header"

// clientHeader reads the address a forwarding header gives, in any of
// the languages: r.Header.Get("X-Forwarded-For"), req.headers['x-real-ip'],
// req.get('X-Forwarded-For'), request.headers.get("X-Forwarded-For"),
// request.environ.get('HTTP_X_FORWARDED_FOR'), request.META['HTTP_X_REAL_IP'].
var clientHeader = regexp.MustCompile(`(?i)(?:\.get|\.header|headers\s*\[|environ\s*\[|META\s*\[)\s*\(?\s*['"](?:x-forwarded-for|x-real-ip|http_x_forwarded_for|http_x_real_ip)['"]`)

// metaDashed is Django's META asked for a header by its dashed name
// (request.META.get("x-forwarded-for")): META keys headers as
// HTTP_X_FORWARDED_FOR, so the lookup never finds one.
var metaDashed = regexp.MustCompile(`(?i)META(?:\.get\s*\(|\s*\[)\s*['"]x-`)

// headerRead is where s reads a forwarding header, or nil.
func headerRead(s string) []int {
	for _, loc := range clientHeader.FindAllStringIndex(s, -1) {
		if !metaDashed.MatchString(s[max(0, loc[0]-4):loc[1]]) {
			return loc
		}
	}
	return nil
}

// trustedProxy is a test that the request came through a proxy the app
// trusts before the header is believed.
var trustedProxy = regexp.MustCompile(`(?i)trust\w*prox|prox\w*trust|behind_?proxy|TrustedProx|trusted_?(?:ips|hops|networks|cidrs)`)

// limiterCall is a limiter asked about one key: limiter.Allow(key),
// rateSys.CheckAndUse(key), bucket.take(key), limiter.hit(key). Its last
// group is the key.
var limiterCall = regexp.MustCompile(`\b(\w+)\s*\.\s*(?:[Aa]llow|[Tt]ake|[Ww]ait|[Hh]it|[Cc]heck|[Ii]ncr|[Cc]onsume|[Ll]imit)\w*\(\s*([^()\n]*(?:\([^()\n]*\)[^()\n]*)?)\)`)

// limiterWords say a call's receiver is a rate limiter (limiter,
// rateSys, throttle, bucket); in a file that refuses with 429, any
// receiver of such a call is.
var (
	limiterWords = regexp.MustCompile(`(?i)rate|limit|throttl|bucket`)
	tooMany      = regexp.MustCompile(`TooManyRequests|\b429\b|(?i)too many requests`)
)

// keyOption is a limiter's key set by option: express-rate-limit's
// keyGenerator, flask-limiter's and slowapi's key_func, django-ratelimit's
// RATELIMIT_IP_META_KEY (a META key, or the dotted path of a function).
// Its last group is the option's value up to the end of the line.
var keyOption = regexp.MustCompile(`\b(?:keyGenerator|key_func|RATELIMIT_IP_META_KEY)\s*[:=]\s*([^\n]+)`)

// quoted is a value that starts with a string literal.
var quoted = regexp.MustCompile(`^["']([^"'\n]*)["']`)

// forwardedMeta is a forwarding header's name as Django's META keys it.
var forwardedMeta = regexp.MustCompile(`^(?i:HTTP_X_FORWARDED_FOR|HTTP_X_REAL_IP)$`)

// keyCall is a key computed by a function handed the request:
// clientIP(r), getClientAddr(req), utils.GetIP(request). Its group is
// the function's name.
var keyCall = regexp.MustCompile(`^(?:\w+\.)*(\w+)\s*\(\s*(?:r|req|request|c|ctx)\s*\)`)

// keyName is a key option's value naming a function: getIP, or
// getIP, for the rest of an option list.
var keyName = regexp.MustCompile(`^(?:\w+\.)*(\w+)\s*(?:,|\)|$)`)

// limiterKeys joins, across files, limiters keyed by a function of the
// module and the functions that return a client-set header.
type limiterKeys struct {
	mu      sync.Mutex
	readers map[string][]facts.Evidence // function name -> its header reads, one per definition
	keyedBy map[string][]keyUse         // function name -> limiters keyed by it
	direct  []facts.Evidence            // limiters keyed on the header itself
}

func newLimiterKeys() *limiterKeys {
	return &limiterKeys{readers: map[string][]facts.Evidence{}, keyedBy: map[string][]keyUse{}}
}

// keyUse is a limiter keyed by a function, and the folder path its
// dotted name gives ("common/utils" of "common.utils.get_client_ip").
type keyUse struct {
	at  facts.Evidence
	dir string
}

// limiterKeyWords are the keywords of the files it reads.
var limiterKeyWords = []string{"orwarded-For", "orwarded-for", "ORWARDED_FOR", "eal-IP", "eal-Ip", "eal-ip", "EAL_IP", "keyGenerator", "key_func", "RATELIMIT_IP_META_KEY"}

// read notes a file's header readers and keyed limiters.
func (k *limiterKeys) read(f *detector.File, text string, comments *commentedOut) {
	if k == nil || !slices.Contains(code, lang.Of(f.Path)) {
		return
	}
	lineOf := func(i int) int { return 1 + strings.Count(text[:i], "\n") }
	k.mu.Lock()
	defer k.mu.Unlock()
	if headerRead(text) != nil {
		for _, fn := range definedFuncs(text) {
			body := text[fn.start:fn.end]
			loc := headerRead(body)
			if loc == nil || comments.at(fn.start+loc[0]) || trustedProxy.MatchString(body) {
				continue
			}
			k.readers[fn.name] = append(k.readers[fn.name], facts.Evidence{File: f.Path, Line: lineOf(fn.start + loc[0])})
		}
	}
	var key func(i int, arg string, call bool)
	key = func(i int, arg string, call bool) {
		arg = strings.TrimSpace(arg)
		ev := facts.Evidence{File: f.Path, Line: lineOf(i)}
		if call && argName.MatchString(arg) && !keyCall.MatchString(arg) {
			// addr := clientIP(r); limiter.allow(addr): one local hop.
			if v := assignedValue(text, i, argName.FindStringSubmatch(arg)[1]); v != "" {
				key(i, v, false)
			}
			return
		}
		switch {
		case arg == "":
		case headerRead(arg) != nil:
			if !trustedProxy.MatchString(linesBefore(text, i, nearLines)) {
				k.direct = append(k.direct, ev)
			}
		case keyCall.MatchString(arg):
			name := keyCall.FindStringSubmatch(arg)[1]
			k.keyedBy[name] = append(k.keyedBy[name], keyUse{at: ev})
		case !call && keyName.MatchString(arg):
			name := keyName.FindStringSubmatch(arg)[1]
			dir := ""
			if i := strings.LastIndexByte(arg, '.'); i > 0 && !strings.ContainsAny(arg[:i], " (,") {
				dir = strings.ReplaceAll(arg[:i], ".", "/")
			}
			k.keyedBy[name] = append(k.keyedBy[name], keyUse{at: ev, dir: dir})
		}
	}
	refuses := tooMany.MatchString(text)
	for _, m := range limiterCall.FindAllStringSubmatchIndex(text, -1) {
		if comments.at(m[0]) || inString(text, m[0]) {
			continue
		}
		if !refuses && !limiterWords.MatchString(text[m[2]:m[3]]) {
			continue
		}
		key(m[0], text[m[4]:m[5]], true)
	}
	for _, m := range keyOption.FindAllStringSubmatchIndex(text, -1) {
		if comments.at(m[0]) {
			continue
		}
		v := text[m[2]:m[3]]
		// keyGenerator: (req) => req.headers['x-forwarded-for'], and
		// key_func=lambda: request.headers.get(...): the key is the
		// function's body.
		if arrow := strings.Index(v, "=>"); arrow >= 0 {
			v = v[arrow+2:]
		} else if lam, ok := strings.CutPrefix(strings.TrimSpace(v), "lambda"); ok {
			if _, after, ok := strings.Cut(lam, ":"); ok {
				v = after
			}
		}
		v = strings.TrimLeft(strings.TrimSpace(v), "{ ")
		v = strings.TrimPrefix(v, "return ")
		if qm := quoted.FindStringSubmatch(v); qm != nil {
			q := qm[1]
			// RATELIMIT_IP_META_KEY = "HTTP_X_FORWARDED_FOR" or
			// "common.utils.get_client_ip".
			if forwardedMeta.MatchString(q) {
				k.direct = append(k.direct, facts.Evidence{File: f.Path, Line: lineOf(m[0])})
				continue
			}
			v = q
		}
		key(m[0], v, false)
	}
}

// finish adds one weakness per limiter keyed on a client-set header:
// read where the key is made, or by a function of the module that
// returns the header's address.
func (k *limiterKeys) finish(out *detector.Sink) {
	if k == nil {
		return
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	var ev []facts.Evidence
	ev = append(ev, k.direct...)
	var reads []facts.Evidence
	for _, name := range sortedNames(k.keyedBy) {
		for _, use := range k.keyedBy[name] {
			at := readersIn(k.readers[name], use.dir)
			if len(at) == 0 {
				continue
			}
			ev = append(ev, use.at)
			for _, a := range at {
				if !slices.Contains(reads, a) {
					reads = append(reads, a)
				}
			}
		}
	}
	if len(ev) == 0 {
		return
	}
	ev = append(ev, reads...)
	out.AddWeakness(facts.Weakness{
		ID: detector.ID("weakness", WeakLimiterKeyedOnHeader, ev[0].File), Kind: WeakLimiterKeyedOnHeader,
		Detail: "a rate limiter keyed on X-Forwarded-For or X-Real-IP as the client sends it", Evidence: ev,
	})
}

// assignedValue is the value name was last given in the few lines
// before i (addr := clientIP(r)), or "".
func assignedValue(text string, i int, name string) string {
	lines := priorLines(text, i)
	for k := len(lines) - 1; k >= 0; k-- {
		if m := assignment.FindStringSubmatch(lines[k]); m != nil && assigns(m[1], name) {
			return strings.TrimSpace(m[2])
		}
	}
	return ""
}

// readersIn are the header reads of the functions a key names: those in
// the folder its dotted path gives when it gives one (a module path ends
// with its file's name without the extension), else all.
func readersIn(reads []facts.Evidence, dir string) []facts.Evidence {
	if dir == "" {
		return reads
	}
	var out []facts.Evidence
	for _, r := range reads {
		if p := strings.TrimSuffix(r.File, path.Ext(r.File)); p == dir || strings.HasSuffix(p, "/"+dir) {
			out = append(out, r)
		}
	}
	return out
}

func sortedNames(m map[string][]keyUse) []string {
	out := make([]string, 0, len(m))
	for n := range m {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// funcSpan is one function a file defines: its name and body.
type funcSpan struct {
	name       string
	start, end int
}

// funcDef starts a function's definition: func (s *T) name(, function
// name(, def name(, const name = (...) =>, name := func(.
var funcDef = regexp.MustCompile(`(?m)^[ \t]*(?:func\s+(?:\([^)]*\)\s*)?(\w+)\s*[\[(]|(?:export\s+)?(?:async\s+)?function\s+(\w+)\s*\(|(?:async\s+)?def\s+(\w+)\s*\(|(?:export\s+)?(?:const|let|var)\s+(\w+)\s*=\s*(?:async\s*)?(?:function\b|\([^)]*\)\s*=>|\w+\s*=>))`)

// definedFuncs lists the functions a file defines, each to the next
// definition.
func definedFuncs(text string) []funcSpan {
	locs := funcDef.FindAllStringSubmatchIndex(text, -1)
	var out []funcSpan
	for i, l := range locs {
		name := ""
		for g := 2; g+1 < len(l); g += 2 {
			if l[g] >= 0 {
				name = text[l[g]:l[g+1]]
				break
			}
		}
		end := len(text)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		out = append(out, funcSpan{name: name, start: l[0], end: end})
	}
	return out
}
