package code

import (
	"net"
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/publicsuffix"

	"github.com/threatmap/threatmap/internal/catalog"
	"github.com/threatmap/threatmap/internal/lang"
)

// HostCall is an HTTP client call whose target is a fixed URL: a literal,
// or a constant (or a template or concatenation that starts with one)
// holding it. The URL is what the code fixes of it; Host its host.
type HostCall struct {
	URL, Host string
	Off, End  int // the call, from its callee to its closing parenthesis, in the stripped source
}

// httpCallRE are the calls that send a request to their URL argument, per
// language family: the standard clients and the usual libraries, a
// method of the same names on a client or session object, and in Python
// an app's own wrapper named for sending one (safe_request('GET', url),
// make_request; not log_request).
var httpCallRE = map[lang.Lang]*regexp.Regexp{
	lang.JavaScript: regexp.MustCompile(`(?:^|[^\w$.]|\b(?:globalThis|window)\.)(?:(?:fetch|\$fetch|ofetch|got|ky|axios|xior|redaxios|superagent|needle)|(?:axios|xior|redaxios|got|ky|superagent|needle|request|http|https|client|api|\$fetch|ofetch)\.(?:get|post|put|patch|delete|head|request))\s*\(`),
	lang.Python:     regexp.MustCompile(`\b(?:(?:requests|httpx|aiohttp|session|client|http|sess|_session|_client|http_client)\.(?:get|post|put|patch|delete|head|request|stream)|urlopen|urllib\.request\.Request|(?:safe|make|send|do|http|api|perform|execute)_request)\s*\(`),
	lang.Go:         regexp.MustCompile(`\b(?:http\.(?:Get|Head|Post|PostForm|NewRequest|NewRequestWithContext)|(?:client|Client|httpClient|c|hc)\.(?:Get|Head|Post|PostForm))\s*\(`),
}

// skippedArg is an argument before the URL: a context, or a method (a
// constant, a literal, or a name for one: method, httpMethod, r.Method).
var skippedArg = regexp.MustCompile(`^(?:ctx|context\.\w+\(\)|\w+\.Context\(\)|http\.Method\w+|(?:\w+\.)?(?:\w*M|m)ethod|["'](?:GET|POST|PUT|PATCH|DELETE|HEAD|get|post|put|patch|delete|head)["'])$`)

// HostCalls lists the HTTP client calls of stripped source (comments
// blanked) whose target is a fixed http(s) URL. A call to a URL the
// code takes from settings or the request has no fixed host and is not
// listed; nor is a URL in a log message, a comment or a link, which no
// client call takes.
func HostCalls(l lang.Lang, stripped []byte) []HostCall {
	switch l.Family() {
	case lang.Ruby:
		return rubyHostCalls(stripped)
	case lang.PHP:
		return phpHostCalls(stripped)
	}
	re := httpCallRE[l.Family()]
	if re == nil || !strings.Contains(string(stripped), "://") {
		return nil
	}
	s := string(stripped)
	var consts map[string]string
	var out []HostCall
	for _, m := range re.FindAllStringIndex(s, -1) {
		args, end := callArgs(s, m[1]-1)
		for _, a := range args {
			if skippedArg.MatchString(a) {
				continue
			}
			if consts == nil {
				consts = urlNames(l, stripped)
			}
			u := fixedURL(a, consts)
			if h := URLHost(u); h != "" {
				out = append(out, HostCall{URL: u, Host: h, Off: m[0], End: end})
			}
			break
		}
	}
	// A client made for one base URL sends every request there: axios.create({ baseURL }),
	// ky's prefixUrl, better-fetch's createFetch, httpx.Client(base_url=...).
	if len(s) > maxHelperFile {
		return out // a bundle copied in: its clients are no app's
	}
	for _, m := range clientBaseRE.FindAllStringIndex(s, -1) {
		args, end := callArgs(s, m[1]-1)
		for _, a := range args {
			for _, o := range baseOptionRE.FindAllStringSubmatchIndex(a, -1) {
				if consts == nil {
					consts = urlNames(l, stripped)
				}
				u := fixedURL(strings.TrimSpace(a[o[1]:]), consts)
				if h := URLHost(u); h != "" {
					out = append(out, HostCall{URL: u, Host: h, Off: m[0], End: end})
				}
			}
		}
	}
	// An OAuth client's token and user-info endpoints are where the
	// server exchanges its code and secret and reads the profile: a
	// call, though no client call names them (Auth.js custom providers,
	// oauth2.Endpoint{TokenURL: ...}, token_url= in Python clients).
	if strings.Contains(s, "oken") || strings.Contains(s, "nfo") {
		for _, m := range oauthEndpointRE.FindAllStringIndex(s, -1) {
			if consts == nil {
				consts = urlNames(l, stripped)
			}
			end := strings.IndexByte(s[m[1]:], '\n')
			if end < 0 {
				end = len(s) - m[1]
			}
			arg := strings.TrimRight(strings.TrimSpace(s[m[1]:m[1]+end]), ",;)")
			if u := fixedURL(arg, consts); URLHost(u) != "" {
				out = append(out, HostCall{URL: u, Host: URLHost(u), Off: m[0], End: m[1] + end})
			}
		}
	}
	return out
}

var (
	// oauthEndpointRE is an OAuth client's token or user-info endpoint
	// option, up to its value.
	oauthEndpointRE = regexp.MustCompile(`(?i)\b(?:(?:access_?)?token_?url|user_?info_?url|token_endpoint|userinfo_endpoint)["']?\s*[:=]\s*`)
	// clientBaseRE makes an HTTP client bound to a base URL.
	clientBaseRE = regexp.MustCompile(`\b(?:(?:axios|xior|redaxios|ky|got|ofetch|\$fetch)\.(?:create|extend)|createFetch|httpx\.(?:Async)?Client|(?:Async)?Client)\s*\(`)
	// baseOptionRE is the option that names the base URL.
	baseOptionRE = regexp.MustCompile(`\b(?:baseURL|baseUrl|prefixUrl|prefixURL|base_url)\s*[:=]\s*`)
)

// urlValueRE names an absolute URL: an assignment, a parameter's or a
// destructured option's default ({ endpoint = "https://..." } = options),
// or a setting read from the environment with the URL as its default
// (os.getenv("X_URL", "https://..."), process.env.X_URL || "https://...").
// The default is where the code sends its requests unless the operator
// says otherwise: the vendor it is written for.
var urlValueRE = regexp.MustCompile(`\b(\w+)\s*(?::\s*[\w\[\]. |]+)?=\s*(?:(?:os\.getenv|os\.environ\.get|getenv)\(\s*["']\w+["']\s*,\s*|process\.env\.\w+\s*(?:\|\||\?\?)\s*)?[rRuU]?["'\x60](https?://[^"'\x60\s$]+)["'\x60]`)

// goFieldURLRE is a Go composite literal's field set to an absolute URL.
var goFieldURLRE = regexp.MustCompile(`\b(\w+):\s*"(https?://[^"\s]+)"`)

// urlNames maps the names a file gives string literals (constants) and
// absolute URLs (urlValueRE) to their text; a constant's own value wins.
func urlNames(l lang.Lang, src []byte) map[string]string {
	out := constants(l, src)
	if out == nil {
		out = map[string]string{} // a language constants does not read
	}
	if l.Family() == lang.Go {
		// A struct's field set in a literal: &Client{baseURL: "https://..."}.
		for _, m := range goFieldURLRE.FindAllSubmatch(src, -1) {
			if _, ok := out[string(m[1])]; !ok {
				out[string(m[1])] = string(m[2])
			}
		}
	}
	for _, m := range urlValueRE.FindAllSubmatch(src, -1) {
		if _, ok := out[string(m[1])]; !ok {
			out[string(m[1])] = string(m[2])
		}
	}
	// A function that returns one: getUrl() built from a base.
	if strings.Contains(string(src), "return") {
		for name, u := range returnedURLs(l, string(src), out) {
			if _, ok := out[name]; !ok {
				out[name] = u
			}
		}
	}
	// A name built from one of those: url = f"{api_base}/v2/search".
	for _, m := range derivedURLRE.FindAllSubmatch(src, -1) {
		if base, ok := out[string(m[2])]; ok && URLHost(base) != "" {
			if _, ok := out[string(m[1])]; !ok {
				out[string(m[1])] = base + string(m[3])
			}
		}
	}
	return out
}

// derivedURLRE is a name assigned a template that starts with another
// name: f"{base}/path" or `${base}/path`.
var derivedURLRE = regexp.MustCompile("\\b(\\w+)\\s*=\\s*(?:[fF][\"']|`)\\$?\\{\\s*(\\w+)\\s*\\}([^\"'`\\n]*)[\"'`]")

var (
	// rbHTTPCallRE are Ruby's client calls, with or without parentheses:
	// HTTParty.get "https://...", connection.get("https://..."),
	// Net::HTTP.get(URI("https://...")).
	rbHTTPCallRE = regexp.MustCompile(`\b(?:HTTParty|RestClient|Excon|Typhoeus|HTTPX|HTTP|Net::HTTP|Faraday|connection|conn|client|http|faraday|session)\.(?:get|post|put|patch|delete|head|get_response|post_form)(?:\s*\(|[ \t]+)`)
	// rbClientBaseRE makes a client for one base URL, its first argument
	// or its url: option: Faraday.new(url: "https://..."),
	// Graphlient::Client.new("https://...").
	rbClientBaseRE = regexp.MustCompile(`\b(?:Faraday|Faraday::Connection|Graphlient::Client|Excon|HTTPX)\.new\s*\(`)
	rbURLOptionRE  = regexp.MustCompile(`^(?:url|base_url|origin|:url\s*=>)\s*:?\s*`)
	// rbURIRE wraps a URL in a URI object: URI("https://..."), URI.parse(...).
	rbURIRE = regexp.MustCompile(`^URI(?:\.parse)?\s*\(\s*`)
)

// rubyHostCalls are HostCalls for Ruby: a call's first argument, in
// parentheses or up to the end of its line, and a client's base URL.
func rubyHostCalls(stripped []byte) []HostCall {
	s := string(stripped)
	if !strings.Contains(s, "://") {
		return nil
	}
	var consts map[string]string
	var out []HostCall
	add := func(a string, off, end int) {
		a = rbURIRE.ReplaceAllString(strings.TrimSpace(a), "")
		a = strings.ReplaceAll(a, "#{", "${") // Ruby's interpolation, as fixedURL reads it
		if consts == nil {
			consts = urlNames(lang.Ruby, stripped)
		}
		if u := fixedURL(a, consts); URLHost(u) != "" {
			out = append(out, HostCall{URL: u, Host: URLHost(u), Off: off, End: end})
		}
	}
	for _, m := range rbHTTPCallRE.FindAllStringIndex(s, -1) {
		if s[m[1]-1] == '(' {
			if args, end := callArgs(s, m[1]-1); len(args) > 0 {
				add(args[0], m[0], end)
			}
			continue
		}
		end := strings.IndexByte(s[m[1]:], '\n')
		if end < 0 {
			end = len(s) - m[1]
		}
		add(s[m[1]:m[1]+end], m[0], m[1]+end)
	}
	for _, m := range rbClientBaseRE.FindAllStringIndex(s, -1) {
		args, end := callArgs(s, m[1]-1)
		for i, a := range args {
			if o := rbURLOptionRE.FindStringIndex(a); o != nil {
				add(a[o[1]:], m[0], end)
			} else if i == 0 {
				add(a, m[0], end)
			}
		}
	}
	return out
}

var (
	// phpHTTPCallRE are PHP's calls that send a request to their first
	// URL argument: cURL, the stream wrappers, WordPress' and Laravel's
	// clients.
	phpHTTPCallRE = regexp.MustCompile(`(?i)(?:^|[^\w$>:])(?:curl_init|file_get_contents|fopen|get_headers|wp_(?:safe_)?remote_(?:get|post|head|request)|(?:\\?Illuminate\\Support\\Facades\\)?Http::(?:get|post|put|patch|delete|head|send))\s*\(`)
	// phpCurlURLRE sets a cURL handle's URL: its third argument.
	phpCurlURLRE = regexp.MustCompile(`\bcurl_setopt\s*\(`)
	// phpMethodCallRE is a client method that sends a request (Guzzle,
	// Symfony's HttpClient, a chained Laravel Http:: call); its receiver
	// has to be a client (phpClientRE).
	phpMethodCallRE = regexp.MustCompile(`->(?:get|post|put|patch|delete|head|request|send|getAsync|postAsync|requestAsync)\s*\(`)
	// phpClientRE is a receiver that is an HTTP client: a variable or
	// property named for one, or a chain from Laravel's Http facade.
	// A client's own settings calls may come between
	// ($this->httpClient->timeout(15)->post(...)).
	phpClientRE = regexp.MustCompile(`(?i)(?:\$(?:this->)?\w*(?:client|http|guzzle)\w*|\bHttp::\w+\([^;]*\))(?:\s*->\w+\([^;]*\))*\s*$`)
	// phpClientBaseRE makes a client for one base URL: Guzzle's
	// new Client(['base_uri' => ...]), HttpClient::create,
	// Http::baseUrl(...).
	phpClientBaseRE = regexp.MustCompile(`\bnew\s+\\?(?:GuzzleHttp\\)?Client\s*\(|\bHttpClient::create\s*\(|\bHttp::baseUrl\s*\(`)
	phpBaseURIRE    = regexp.MustCompile(`['"]base_uri['"]\s*=>\s*`)
	// phpConstRE is a class or file constant holding a string:
	// private const API_URL = 'https://...';, define('API_URL', '...').
	phpConstRE = regexp.MustCompile(`(?:\bconst\s+([A-Za-z_]\w*)\s*=\s*|\bdefine\(\s*['"]([A-Za-z_]\w*)['"]\s*,\s*)(['"][^'"\n]*['"])`)
	// phpConstRefRE is a reference to one: self::API_URL, static::X,
	// Client::X, or a define()d API_URL.
	phpConstRefRE = regexp.MustCompile(`^(?:(?:self|static|[A-Z]\w*)::([A-Za-z_]\w*)|([A-Z][A-Z0-9_]*))\b`)
	// phpVarRE is a variable in a double-quoted string: $x, {$x}, ${x}.
	phpVarRE = regexp.MustCompile(`\{?\$\{?(\w+)\}?`)
)

// phpHostCalls are HostCalls for PHP: the URL argument of its client
// calls, and a client's base URL. A host the string fills in from a
// variable ("https://$host/x") is no fixed host.
func phpHostCalls(stripped []byte) []HostCall {
	s := string(stripped)
	if !strings.Contains(s, "://") {
		return nil
	}
	var out []HostCall
	var consts map[string]string
	add := func(a string, off, end int) {
		a = strings.TrimSpace(a)
		if m := phpConstRefRE.FindStringSubmatch(a); m != nil {
			// A constant the file defines: its value.
			if consts == nil {
				consts = phpConsts(s)
			}
			v, ok := consts[m[1]+m[2]]
			if !ok {
				return // another file's constant, or no constant
			}
			a = v + a[len(m[0]):]
		}
		if strings.HasPrefix(a, `"`) {
			a = phpVarRE.ReplaceAllString(a, "$${$1}")
		}
		if u := fixedURL(a, nil); URLHost(u) != "" && !strings.ContainsAny(URLHost(u), "${}") {
			out = append(out, HostCall{URL: u, Host: URLHost(u), Off: off, End: end})
		}
	}
	for _, m := range phpHTTPCallRE.FindAllStringIndex(s, -1) {
		if args, end := callArgs(s, m[1]-1); len(args) > 0 {
			add(args[0], m[0], end)
		}
	}
	for _, m := range phpCurlURLRE.FindAllStringIndex(s, -1) {
		if args, end := callArgs(s, m[1]-1); len(args) == 3 && strings.TrimSpace(args[1]) == "CURLOPT_URL" {
			add(args[2], m[0], end)
		}
	}
	for _, m := range phpMethodCallRE.FindAllStringIndex(s, -1) {
		stmt := max(strings.LastIndexAny(s[:m[0]], ";{}"), 0)
		if !phpClientRE.MatchString(s[stmt:m[0]]) {
			continue
		}
		args, end := callArgs(s, m[1]-1)
		for _, a := range args {
			if !skippedArg.MatchString(a) {
				add(a, m[0], end)
				break
			}
		}
	}
	for _, m := range phpClientBaseRE.FindAllStringIndex(s, -1) {
		args, end := callArgs(s, m[1]-1)
		if len(args) == 0 {
			continue
		}
		if strings.HasPrefix(s[m[0]:], "Http::") {
			add(args[0], m[0], end)
			continue
		}
		if o := phpBaseURIRE.FindStringIndex(args[0]); o != nil {
			rest := args[0][o[1]:]
			if i := strings.IndexAny(rest, ",]"); i >= 0 && !strings.HasPrefix(strings.TrimSpace(rest), `"`) && !strings.HasPrefix(strings.TrimSpace(rest), "'") {
				rest = rest[:i]
			}
			add(rest, m[0], end)
		}
	}
	return out
}

// phpConsts are the string constants a PHP file defines, by name, each
// as its quoted literal; a name defined twice keeps the first.
func phpConsts(s string) map[string]string {
	out := map[string]string{}
	for _, m := range phpConstRE.FindAllStringSubmatch(s, -1) {
		name := m[1] + m[2]
		if _, ok := out[name]; !ok {
			out[name] = m[3]
		}
	}
	return out
}

// callArgs splits the arguments of the call whose parenthesis is at open
// (top-level commas, strings skipped), at most three, and returns the
// offset of its closing parenthesis.
func callArgs(s string, open int) ([]string, int) {
	var args []string
	depth, start := 0, open+1
	for i := open; i < len(s) && i < open+4000; i++ {
		switch c := s[i]; c {
		case '"', '\'', '`':
			i = lang.SkipString([]byte(s[:min(len(s), i+4000)]), i) - 1
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
			if depth == 0 {
				return append(args, strings.TrimSpace(s[start:i])), i
			}
		case ',':
			if depth == 1 {
				args = append(args, strings.TrimSpace(s[start:i]))
				start = i + 1
				if len(args) == 3 {
					return args, i
				}
			}
		}
	}
	return args, min(len(s), open+1)
}

// leadRE is the first operand of an expression: a literal (with a
// Python string prefix) or a dotted name.
var leadRE = regexp.MustCompile("^(?:[fFrRbBuU]{0,2}(\"[^\"\\n]*\"|'[^'\\n]*'|`[^`]*`)|([A-Za-z_$][\\w$.#]*))")

// fixedURL is the text an argument fixes: its leading literal, or the
// value of the constant it starts with, with the constants named in its
// placeholders filled in. "" when it starts with neither.
func fixedURL(arg string, consts map[string]string) string {
	m := leadRE.FindStringSubmatch(arg)
	if m == nil {
		return ""
	}
	text := ""
	switch {
	case m[1] != "":
		text = m[1][1 : len(m[1])-1]
	case m[2] == "fmt.Sprintf" || m[2] == "Sprintf":
		text = sprintfURL(arg[len(m[2]):], consts)
	default:
		text = consts[lastName(m[2])]
	}
	return placeRE.ReplaceAllStringFunc(text, func(p string) string {
		if v, ok := consts[lastName(placeRE.FindStringSubmatch(p)[1])]; ok {
			return v
		}
		return p
	})
}

// lastName is a dotted name's last part, a private field's # dropped: a
// class field (this.baseUrl, this.#baseUrl, self.base_url) goes by its
// own name, as a module's constant (settings.API_BASE) does.
func lastName(name string) string {
	return strings.TrimPrefix(name[strings.LastIndexByte(name, '.')+1:], "#")
}

// sprintfURL is the text a Go fmt.Sprintf call fixes, its arguments from
// "(": each %s or %v filled with what its argument fixes ("" when the
// format is no literal).
func sprintfURL(call string, consts map[string]string) string {
	args := splitArgs(call, strings.IndexByte(call, '('))
	if len(args) == 0 || !strings.HasPrefix(args[0], `"`) || len(args[0]) < 2 {
		return ""
	}
	format := args[0][1 : len(args[0])-1]
	var b strings.Builder
	next := 1
	for i := 0; i < len(format); i++ {
		if format[i] == '%' && i+1 < len(format) && (format[i+1] == 's' || format[i+1] == 'v') {
			v := "%s"
			if next < len(args) {
				if u := fixedURL(args[next], consts); u != "" {
					v = u
				}
			}
			next++
			b.WriteString(v)
			i++
			continue
		}
		b.WriteByte(format[i])
	}
	return b.String()
}

// URLHost is the host of an absolute http(s) URL as code writes it, ""
// for any other text. A placeholder in the host
// ("https://${region}.api.x.com") is kept: the domain after it is named.
func URLHost(s string) string {
	if !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "https://") {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		h := strings.SplitN(strings.TrimPrefix(strings.TrimPrefix(s, "https://"), "http://"), "/", 2)[0]
		// A placeholder right after the host is the path a template adds
		// (`${base}${path}` with base "https://api.x.com"), not the host's.
		if i := strings.IndexAny(h, "${"); i > 0 && strings.Contains(h[:i], ".") {
			h = h[:i]
		}
		// A port the template fills in (127.0.0.1:${PORT}) is no part of
		// the host.
		if k := strings.LastIndexByte(h, ':'); k > 0 && !strings.ContainsAny(h, "[]") && !strings.ContainsAny(h[:k], "${}") {
			h = h[:k]
		}
		return h
	}
	return u.Hostname()
}

// LocalHost reports hosts of this product: loopback, and single-label
// names (docker-compose services such as http://api:8000), and names on
// a private network.
func LocalHost(h string) bool {
	switch h {
	case "localhost", "127.0.0.1", "0.0.0.0", "::1", "[::1]":
		return true
	}
	return !strings.Contains(h, ".") || strings.HasSuffix(h, ".local") || strings.HasSuffix(h, ".internal") || strings.HasSuffix(h, ".svc.cluster.local")
}

// Vendor is the registrable domain that names the owner of a host a
// product calls (api.vendor.io and eu.vendor.io are vendor.io), or ""
// when the host names no one outside: a local or private name, an IP
// address, a name reserved for examples and tests (RFC 2606, RFC 6761),
// or a host a placeholder leaves unknown.
func Vendor(host string) string {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if i := strings.LastIndexAny(host, "}%"); i >= 0 {
		host = strings.TrimLeft(host[i+1:], ".-")
	}
	if host == "" || LocalHost(host) || net.ParseIP(strings.Trim(host, "[]")) != nil || strings.ContainsAny(host, "${}") {
		return ""
	}
	labels := strings.Split(host, ".")
	switch labels[len(labels)-1] {
	case "example", "test", "invalid", "localhost", "lan", "home", "corp", "intranet":
		return ""
	}
	d, err := publicsuffix.EffectiveTLDPlusOne(host)
	if err != nil {
		return ""
	}
	switch strings.SplitN(d, ".", 2)[0] {
	case "example":
		return "" // example.com, example.org, example.net
	}
	return d
}

// Catalogued reports whether a URL is a catalogue service's: it names one
// of the catalogue's hosts (listed is true: the service is found by that
// host), or its vendor's domain is one a catalogue host is under (a
// service's other API host is still that service: s is the one service
// whose hosts are under the domain, nil when several share it).
func Catalogued(u string) (s *catalog.Service, listed, ok bool) {
	hs := catalogHosts()
	for _, off := range hs.in([]byte(u)) {
		if off >= 0 {
			return nil, true, true
		}
	}
	s, ok = hs.domains[Vendor(URLHost(u))]
	return s, false, ok
}
