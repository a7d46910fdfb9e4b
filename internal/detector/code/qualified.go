package code

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/catalog"
	"github.com/threatmap/threatmap/internal/lang"
)

// PHP, Ruby, Java (and Kotlin) and C# code names an SDK by the qualified
// name of its classes, not by the package that ships them: use
// Stripe\StripeClient; Aws::S3::Client.new; import
// com.amazonaws.services.s3.AmazonS3ClientBuilder; using Amazon.S3;. The
// catalogue's imports key lists those name prefixes per language, with
// "." between parts (Aws.S3 for Aws\S3 and Aws::S3); a Ruby require names
// the gem itself. These readers list the names a file imports or
// qualifies, as Imports does for Python, JavaScript and Go, so that Uses
// matches them through the one package table.

// qualifiedEcosystem is the catalogue's imports key for a language family
// read by qualified names, or "".
func qualifiedEcosystem(l lang.Lang) string {
	switch l.Family() {
	case lang.PHP:
		return "php"
	case lang.Ruby:
		return "ruby"
	case lang.Java, lang.Kotlin:
		return "java"
	case lang.CSharp:
		return "csharp"
	}
	return ""
}

var (
	// phpUseRE is a use statement's first name (use A\B\C [as D];) or a
	// group's prefix (use A\B\{C, D}). Function and constant imports name
	// no class.
	phpUseRE = regexp.MustCompile(`(?m)^[ \t]*use[ \t]+\\?([A-Za-z_][\w\\]*)(?:[ \t]+as[ \t]+(\w+))?[ \t]*[;,{]`)
	// phpNamespaceRE is the file's namespace declaration.
	phpNamespaceRE = regexp.MustCompile(`(?m)^[ \t]*namespace[ \t]+([\w\\]+)[ \t]*[;{]`)
	// phpQualifiedRE is a fully qualified class name in code:
	// new \Stripe\StripeClient(, \Aws\S3\S3Client::factory(.
	phpQualifiedRE = regexp.MustCompile(`(?:new[ \t]+|[^\w\\$>:])\\([A-Za-z_]\w*(?:\\[A-Za-z_]\w*)+)`)
	// phpStaticRE is a static call on a short class name: Stripe::setApiKey(.
	phpStaticRE = regexp.MustCompile(`(?:^|[^\w\\$>:])([A-Z]\w*)::[A-Za-z_]\w*[ \t]*\(`)
	// javaImportRE is a Java or Kotlin import.
	javaImportRE = regexp.MustCompile(`(?m)^[ \t]*import[ \t]+(?:static[ \t]+)?([A-Za-z_][\w.]*)`)
	// javaShortClassRE is a class named by its short name where code
	// calls or builds it: Transport.send(, new Session(.
	javaShortClassRE = regexp.MustCompile(`(?:^|[^\w.])([A-Z]\w*)(?:[ \t]*\.[ \t]*[a-z_]\w*[ \t]*\(|[ \t]*\()`)
	// csUsingRE is a C# using directive (not a using statement or
	// declaration: using var x = ..., using (...)).
	csUsingRE = regexp.MustCompile(`(?m)^[ \t]*(?:global[ \t]+)?using[ \t]+(?:static[ \t]+)?(?:\w+[ \t]*=[ \t]*)?([A-Z][\w.]*)[ \t]*;`)
	// rubyRequireRE is a required library (a gem's name).
	rubyRequireRE = regexp.MustCompile(`(?m)^[ \t]*require[ \t(]+['"]([\w/.-]+)['"]`)
	// rubyConstRE is a constant path used as a receiver: Stripe.api_key =,
	// Aws::S3::Client.new(...), Stripe::Customer.create.
	rubyConstRE = regexp.MustCompile(`(?:^|[^\w:.@$])((?:::)?[A-Z]\w*(?:::[A-Z]\w*)*)\.[a-z_]\w*`)
)

// qualifiedImports lists the qualified names a PHP, Ruby, Java, Kotlin or
// C# file imports or uses, with "." between parts, from its stripped
// source. Ruby requires are listed with a "gem:" prefix: the gem's own
// name, for the manifest table.
func qualifiedImports(l lang.Lang, stripped []byte) []Import {
	var out []Import
	lines := NewLines(stripped)
	add := func(name string, off int) {
		name = strings.Trim(strings.NewReplacer(`\`, ".", "::", ".").Replace(name), ".")
		if name != "" {
			out = append(out, Import{Module: name, Line: lines.At(off)})
		}
	}
	switch l.Family() {
	case lang.PHP:
		// A short name resolves through the file's use statements; in a
		// namespace, a name not imported is the namespace's own class.
		aliases := map[string]string{}
		for _, m := range phpUseRE.FindAllSubmatchIndex(stripped, -1) {
			full := string(stripped[m[2]:m[3]])
			add(full, m[2])
			short := full[strings.LastIndexByte(full, '\\')+1:]
			if m[4] >= 0 {
				short = string(stripped[m[4]:m[5]])
			}
			aliases[short] = full
		}
		for _, m := range phpQualifiedRE.FindAllSubmatchIndex(stripped, -1) {
			add(string(stripped[m[2]:m[3]]), m[2])
		}
		namespaced := phpNamespaceRE.Match(stripped)
		for _, m := range phpStaticRE.FindAllSubmatchIndex(stripped, -1) {
			short := string(stripped[m[2]:m[3]])
			if full, ok := aliases[short]; ok {
				add(full, m[2])
			} else if !namespaced {
				add(short, m[2])
			}
		}
	case lang.Java, lang.Kotlin:
		var wildcards []string
		for _, m := range javaImportRE.FindAllSubmatchIndex(stripped, -1) {
			name := string(stripped[m[2]:m[3]])
			add(name, m[2])
			if strings.HasSuffix(name, ".") && m[3] < len(stripped) && stripped[m[3]] == '*' {
				wildcards = append(wildcards, name)
			}
		}
		// A wildcard import (import javax.mail.*;) names no class: the
		// classes the file calls or builds by their short name
		// (Transport.send(m), new Session(...)) are the package's.
		if len(wildcards) > 0 {
			seen := map[string]bool{}
			for _, m := range javaShortClassRE.FindAllSubmatchIndex(stripped, -1) {
				short := string(stripped[m[2]:m[3]])
				if seen[short] {
					continue
				}
				seen[short] = true
				for _, w := range wildcards {
					add(w+short, m[2])
				}
			}
		}
	case lang.CSharp:
		for _, m := range csUsingRE.FindAllSubmatchIndex(stripped, -1) {
			add(string(stripped[m[2]:m[3]]), m[2])
		}
	case lang.Ruby:
		for _, m := range rubyRequireRE.FindAllSubmatchIndex(stripped, -1) {
			out = append(out, Import{Module: "gem:" + string(stripped[m[2]:m[3]]), Line: lines.At(m[2])})
		}
		if bytes.Contains(stripped, []byte(".")) {
			quoted := StringSpans(lang.Ruby, stripped)
			for _, m := range rubyConstRE.FindAllSubmatchIndex(stripped, -1) {
				if InSpans(quoted, m[2]) {
					continue
				}
				add(string(stripped[m[2]:m[3]]), m[2])
			}
		}
	}
	return out
}

// qualifiedService is the catalogue service a qualified name or a Ruby
// require belongs to, or nil.
func qualifiedService(eco, name string) *catalog.Service {
	if gem, ok := strings.CutPrefix(name, "gem:"); ok {
		if s := catalog.ForPackage(catalog.RubyGems, gem); s != nil {
			return s
		}
		// require "aws-sdk-s3" and require "stripe/..." name the gem.
		gem, _, _ = strings.Cut(gem, "/")
		return catalog.ForPackage(catalog.RubyGems, gem)
	}
	return catalog.ForPackage(eco, name)
}

// PageHosts lists the catalogue services a server template or a settings
// file names by host, each at its first occurrence: a host in a quoted
// attribute or value of a template (quoted: true), or anywhere in a
// settings file's values (YAML and properties values go unquoted). A
// host only linked to (<a href>), compared or listed in a CSP is no
// request, as in code (NotRequested).
func PageHosts(stripped []byte, quoted bool) []Use {
	hs := catalogHosts()
	found := make([]int, hs.hosts.Len())
	for i := range found {
		found[i] = -1
	}
	skip := func(off int) bool {
		if quoted && literalStart(stripped, off) < 0 {
			return true // text of the page, not an attribute it loads
		}
		return InLogCall(stripped, off) || NotRequested(stripped, off)
	}
	hs.each(stripped, skip, func(n, off int) {
		if found[n] < 0 {
			found[n] = off
		}
	})
	var out []Use
	lines := NewLines(stripped)
	for i, s := range catalog.All() {
		for _, h := range hs.ofService[i] {
			if found[h] >= 0 {
				out = append(out, Use{Service: s, Line: lines.At(found[h])})
				break
			}
		}
	}
	return out
}
