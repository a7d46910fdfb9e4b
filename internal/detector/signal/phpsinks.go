package signal

import (
	"regexp"
	"strings"
)

// Plain PHP pages write request data into the page, a redirect, an
// include, an XPath query or a template, often through a variable set a
// screen above (a form handler at the top of the page, its echo in the
// markup below). These sinks fire on request data written in directly,
// or on a variable the code around the sink assigns request data to
// (RequestVar): a variable with no such assignment in view is not taken
// for request data, since echo $x is most of what a PHP page does.

const (
	// echoedPHP is request data a page echoes: the form and query
	// superglobals, and the parts of $_SERVER a client writes (the path,
	// the query, the referrer); not the server's own fields.
	echoedPHP = `\$_(?:GET|POST|REQUEST|COOKIE)\b|\$_SERVER\[\s*['"](?:PHP_SELF|REQUEST_URI|QUERY_STRING|PATH_INFO|HTTP_REFERER|HTTP_USER_AGENT)['"]`
	// echoPHP opens an echo or print statement (not a method or a
	// function whose name ends so).
	echoPHP = `(?m:^|[^\w$>:\n])(?:echo|print)\b\s*\(?\s*`
	// twigFromString is a Twig environment that compiles the text it is
	// given: a string loader, or createTemplate.
	twigFromString = `\bTwig_Loader_String\b|\bStringLoader\b|->createTemplate\(`
)

// phpNeutral is a value passed through a call that leaves no markup, path
// or query text a caller picks: escaping, a cast, a number, a hash, a
// check that yields a boolean.
var phpNeutral = regexp.MustCompile(`(?i)^(?:\(\s*(?:int|integer|float|double|bool|boolean)\s*\)|@?(?:htmlspecialchars|htmlentities|strip_tags|basename|intval|floatval|boolval|abs|filter_var|filter_input|urlencode|rawurlencode|json_encode|md5|sha1|hash|crc32|count|sizeof|strlen|mb_strlen|number_format|is_\w+|isset|empty|in_array|array_key_exists|preg_match|ctype_\w+|escapeshellarg|addslashes|\w*escape\w*|\w*quote\w*|e|esc_\w+)\s*\()`)

// phpEscapedLine clears an echo whose value is escaped or reduced to a
// number or a boolean on its line.
var phpEscapedLine = regexp.MustCompile(`(?i)\b(?:htmlspecialchars|htmlentities|strip_tags|intval|floatval|json_encode|urlencode|rawurlencode|number_format|isset|empty|is_numeric|filter_var|esc_html|esc_attr|count)\s*\(|\(\s*(?:int|float|bool)\s*\)`)

var phpSinkPatterns = []Pattern{
	// Reflected XSS: request data echoed into the page.
	{Weakness: "xss", Detail: "request data written into an HTML response unescaped", Langs: php,
		Keywords: []string{"echo", "print", "<?="},
		Re:       regexp.MustCompile(echoPHP + `[^;\n]*?(?:` + echoedPHP + `)|<\?=[^?\n]*?(?:` + echoedPHP + `)`),
		NotAfter: phpEscapedLine},
	{Weakness: "xss", Detail: "request data written into an HTML response unescaped", Langs: php,
		Keywords:   []string{"echo", "print", "<?="},
		Re:         regexp.MustCompile(echoPHP + `(?:["'][^"'\n]*["']\s*\.\s*)?\$(\w+)\s*[;.,)?]|` + echoPHP + `"[^"\n]*?\{?\$(\w+)|<\?=\s*\$(\w+)\s*;?\s*\?>`),
		NotAfter:   phpEscapedLine,
		RequestVar: phpRequestVar},
	// Stored XSS: a column of a row the page fetched from a query,
	// echoed unescaped: what anyone who could write that row put there.
	{Weakness: "xss", Detail: "a database row's text written into an HTML response unescaped", Langs: php,
		Keywords:   []string{"fetch"},
		Re:         regexp.MustCompile(echoPHP + `(?:[^;\n]*?[.(,]\s*)?\$(\w+)\s*(?:\[|->\s*[A-Za-z_])|<\?=\s*\$(\w+)\s*(?:\[|->\s*[A-Za-z_])`),
		NotAfter:   phpEscapedLine,
		RequestVar: phpFetchedRow},
	// An open redirect: a Location header or a framework redirect to a
	// URL the request names, nothing before it.
	{Weakness: "open-redirect", Detail: "redirect to a URL taken from the request", Langs: php,
		Keywords: []string{"Location", "redirect("},
		Re: regexp.MustCompile(`(?i)\bheader\(\s*["']Location:\s*["']\s*\.\s*(?:` + fromRequestPHP + `)|` +
			`\bredirect\(\s*(?:` + fromRequestPHP + `)|\bredirect\(\)\s*->\s*(?:to|away)\(\s*(?:` + fromRequestPHP + `)`)},
	{Weakness: "open-redirect", Detail: "redirect to a URL taken from the request", Langs: php,
		Keywords:   []string{"Location", "redirect("},
		Re:         regexp.MustCompile(`(?i)\bheader\(\s*["']Location:\s*["']\s*\.\s*\$(\w+)\s*[),]|\bheader\(\s*"Location:\s*\{?\$(\w+)|\bredirect\(\)\s*->\s*(?:to|away)\(\s*\$(\w+)\s*\)`),
		RequestVar: phpRequestVar},
	// A file included or read at a path a variable holds.
	{Weakness: "path-traversal", Detail: "a file included or read at a path taken from the request", Langs: php,
		Keywords:   []string{"include", "require", "readfile", "file_get_contents", "fopen", "file(", "highlight_file", "show_source"},
		Re:         regexp.MustCompile(`\b(?:include|include_once|require|require_once)\b\s*\(?\s*\$(\w+)\s*\)?\s*;|(?m:^|[^\w$>:\n])(?:readfile|file_get_contents|fopen|unlink|file|highlight_file|show_source)\(\s*\$(\w+)\s*[,)]`),
		RequestVar: phpRequestVar},
	// A URL the request names whole fetched by a function that opens
	// URLs as well as files (PHP's stream wrappers): the caller picks the
	// scheme and the host. A path built under a folder ("uploads/" . $f)
	// is the path-traversal row's alone.
	{Weakness: "ssrf", Detail: "a URL from the request is fetched server-side", Langs: php,
		Keywords:   []string{"file_get_contents", "fopen", "get_headers", "curl_init"},
		Re:         regexp.MustCompile(`(?m:^|[^\w$>:\n])(?:file_get_contents|fopen|get_headers|curl_init)\(\s*\$(\w+)\s*[,)]`),
		RequestVar: phpRequestURL},
	{Weakness: "ssrf", Detail: "a URL from the request is fetched server-side", Langs: php,
		Keywords: []string{"file_get_contents", "fopen", "get_headers", "curl_init"},
		Re:       regexp.MustCompile(`(?m:^|[^\w$>:\n])(?:file_get_contents|fopen|get_headers|curl_init)\(\s*(?:` + fromRequestPHP + `)`)},
	// XPath text built from request data, in a file that queries XML.
	{Weakness: "xpath-injection", Detail: "an XPath query built from request data", Langs: php,
		Keywords:   []string{"->query(", "->evaluate(", "->xpath("},
		Re:         regexp.MustCompile(`->(?:query|evaluate|xpath)\(\s*\$(\w+)\s*[,)]`),
		Also:       regexp.MustCompile(`\bDOMXPath\b|->xpath\(`),
		RequestVar: phpRequestVar},
	{Weakness: "xpath-injection", Detail: "an XPath query built from request data", Langs: php,
		Keywords: []string{"->query(", "->evaluate(", "->xpath("},
		Re:       regexp.MustCompile(`->(?:query|evaluate|xpath)\(\s*["'][^;\n]*(?:` + fromRequestPHP + `)`),
		Also:     regexp.MustCompile(`\bDOMXPath\b|->xpath\(`)},
	// Request data handed to Twig as the template's own text.
	{Weakness: "template-injection", Detail: "request data compiled as a template", Langs: php,
		Keywords:   []string{"->render(", "->createTemplate("},
		Re:         regexp.MustCompile(`->(?:render|createTemplate)\(\s*\$(\w+)\s*[,)]`),
		Also:       regexp.MustCompile(twigFromString),
		RequestVar: phpRequestVar},
	{Weakness: "template-injection", Detail: "request data compiled as a template", Langs: php,
		Keywords: []string{"->render(", "->createTemplate("},
		Re:       regexp.MustCompile(`->(?:render|createTemplate)\(\s*(?:` + fromRequestPHP + `)`),
		Also:     regexp.MustCompile(twigFromString)},
}

// phpRequestFrom is request data anywhere in a value.
var phpRequestFrom = regexp.MustCompile(fromRequestPHP)

// phpRequestVar reports whether the function around text[at] (the file,
// outside any function) assigns the variable name, before at, a value
// holding request data that no escaping or cast neutralises, directly or
// through another variable assigned so (two hops: $q = "..." . $in; $in =
// $_POST['x']). A parameter or a variable set elsewhere is not request
// data here.
func phpRequestVar(text string, at int, name string) bool {
	return phpRequestVarDepth(text, at, name, 2)
}

func phpRequestVarDepth(text string, at int, name string, depth int) bool {
	fn := phpEnclosingFn(text, at)
	from := fn.body
	if from > at {
		return false
	}
	assign := regexp.MustCompile(`\$` + regexp.QuoteMeta(name) + `\b\s*\.?=([^=][^;]*);`)
	body := text[from:at]
	for _, m := range assign.FindAllStringSubmatchIndex(body, -1) {
		value := strings.TrimSpace(body[m[2]:m[3]])
		if phpNeutral.MatchString(value) || phpOpaqueCall(value) {
			continue
		}
		if phpRequestFrom.MatchString(value) {
			return true
		}
		if depth == 0 {
			continue
		}
		for _, v := range phpVarName.FindAllStringSubmatch(value, -1) {
			if v[1] != name && v[1] != "this" && phpRequestVarDepth(text, from+m[0], v[1], depth-1) {
				return true
			}
		}
	}
	return false
}

// phpRequestURL reports whether the variable name, in the function around
// text[at], was assigned a value that begins with request data: the whole
// URL is the caller's, its scheme and host included.
func phpRequestURL(text string, at int, name string) bool {
	fn := phpEnclosingFn(text, at)
	if fn.body > at {
		return false
	}
	assign := regexp.MustCompile(`\$` + regexp.QuoteMeta(name) + `\b\s*=([^=][^;]*);`)
	for _, m := range assign.FindAllStringSubmatch(text[fn.body:at], -1) {
		if phpRequestFirst.MatchString(strings.TrimSpace(m[1])) {
			return true
		}
	}
	return false
}

var phpRequestFirst = regexp.MustCompile(`^(?:trim\(\s*)?(?:` + fromRequestPHP + `)`)

// phpRowFetch is a value that is one row of a query's result: PDO's and
// mysqli's fetch methods, the mysql_, mysqli_ and pg_ fetch functions.
var phpRowFetch = regexp.MustCompile(`^(?:\$\w+\s*->\s*(?:fetch|fetch_assoc|fetch_array|fetch_row|fetch_object|fetchObject)\s*\(|@?(?:mysqli?_fetch_(?:assoc|array|row|object)|pg_fetch_(?:assoc|array|row|object))\s*\()`)

// phpFetchedRow reports whether the variable name, in the function
// around text[at], was assigned a row fetched from a query (in a while
// loop's test too), or is the element of a foreach over all the rows a
// fetchAll returned.
func phpFetchedRow(text string, at int, name string) bool {
	fn := phpEnclosingFn(text, at)
	if fn.body > at {
		return false
	}
	body := text[fn.body:at]
	if q := phpSelect.FindAllStringSubmatch(body, -1); q != nil && phpKeysOnly(q[len(q)-1][1]) {
		// The last query before the echo selects only keys or counts,
		// which the database makes: no text anyone wrote.
		return false
	}
	n := regexp.QuoteMeta(name)
	for _, m := range regexp.MustCompile(`\$`+n+`\s*=\s*([^=;][^;]*)`).FindAllStringSubmatch(body, -1) {
		if phpRowFetch.MatchString(strings.TrimSpace(m[1])) {
			return true
		}
	}
	for _, m := range regexp.MustCompile(`\bforeach\s*\(\s*(\$\w+(?:\s*->\s*fetchAll\([^)]*\))?)\s+as\s+(?:\$\w+\s*=>\s*)?\$`+n+`\s*\)`).FindAllStringSubmatch(body, -1) {
		if strings.Contains(m[1], "fetchAll") {
			return true
		}
		all := regexp.MustCompile(regexp.QuoteMeta(m[1]) + `\s*=\s*[^;]*->\s*fetchAll\(`)
		if all.MatchString(body) {
			return true
		}
	}
	return false
}

// phpSelect is a SELECT's column list.
var phpSelect = regexp.MustCompile(`(?i)\bselect\s+(.+?)\s+from\b`)

// phpKeysOnly says every column selected is a key or a count.
func phpKeysOnly(cols string) bool {
	for c := range strings.SplitSeq(cols, ",") {
		c = strings.ToLower(strings.Trim(strings.TrimSpace(c), "`\""))
		if !strings.HasSuffix(c, "id") && !strings.HasPrefix(c, "count(") {
			return false
		}
	}
	return true
}

// phpCallHead is a value that opens with a call: a function's name, or a
// method on a variable.
var phpCallHead = regexp.MustCompile(`^(?:@?([A-Za-z_\\][\w\\]*)\s*\(|\$\w+\s*->\s*\w+\s*\()`)

// phpOpaqueCall reports a value that is the result of a call other than
// a request accessor or a standard function made of its arguments (trim,
// sprintf): what the call returns (a command's output, a rendered page)
// is not the request data it was given.
func phpOpaqueCall(value string) bool {
	m := phpCallHead.FindStringSubmatch(value)
	if m == nil || phpRequestFrom.FindStringIndex(value) != nil && phpRequestFrom.FindStringIndex(value)[0] == 0 {
		return false
	}
	return m[1] == "" || !phpPassCall.MatchString(m[1])
}
