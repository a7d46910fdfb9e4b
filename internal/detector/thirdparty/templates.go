package thirdparty

import (
	"bytes"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/catalog"
	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/detector/store"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// Server-rendered pages and the settings files of the PHP, Ruby, Java and
// C# stacks name services by host as code does: an ERB layout's
// <script src="https://cdn.usefathom.com/script.js">, a Spring
// application.yml's base-url: https://api.openai.com/v1. Only catalogue
// hosts count: a page's other hosts are the operator's or a link's, and a
// settings file names hosts of every kind. Blade templates are PHP files
// and are read as PHP (code.Uses and embedUses).

// templateExts are server template languages that no lang row claims:
// ERB, Haml and Slim (Rails), Twig (Symfony), Razor (ASP.NET), Jinja,
// Liquid.
var templateExts = []string{".erb", ".haml", ".slim", ".twig", ".cshtml", ".razor", ".jinja", ".jinja2", ".j2", ".liquid"}

// IsTemplate reports whether p is a server template of a language lang
// does not read (HTML, Blade and JSX are read as their languages).
func IsTemplate(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	for _, e := range templateExts {
		if ext == e {
			return true
		}
	}
	return false
}

// ServerConfig reports whether p is a settings file of a server stack:
// Spring's application*.yml, .yaml or .properties, ASP.NET's
// appsettings*.json, a Rails app's config/*.yml. A test profile
// (application-test.yml, appsettings.Testing.json) configures the tests.
func ServerConfig(p string) bool {
	base := strings.ToLower(path.Base(p))
	ext := path.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	if strings.Contains(stem, "test") {
		return false
	}
	switch {
	case strings.HasPrefix(stem, "application") && (ext == ".yml" || ext == ".yaml" || ext == ".properties"):
		return true
	case strings.HasPrefix(stem, "appsettings") && ext == ".json":
		return true
	case (ext == ".yml" || ext == ".yaml") && path.Base(path.Dir(p)) == "config" && railsConfig[stem]:
		return true
	}
	return false
}

// railsConfig are the settings files a Rails app keeps in config/ that
// name services (not its locales, its routes or its CI).
var railsConfig = map[string]bool{"storage": true, "settings": true, "application": true, "services": true, "secrets": true, "config": true, "cable": true, "sidekiq": true}

// templateCommentRE is a comment of a server template language: ERB and
// EJS <%# %>, Twig, Jinja and Nunjucks {# #}, Razor @* *@, Handlebars
// {{!-- --}} and {{! }}, Haml -#.
var templateCommentRE = regexp.MustCompile(`(?s)<%#.*?%>|\{#.*?#\}|@\*.*?\*@|\{\{!--.*?--\}\}|\{\{![^}]*\}\}|(?m)^[ \t]*-#[^\n]*`)

// blankPageComments blanks what a template or settings file comments out,
// keeping line breaks.
func blankPageComments(p string, data []byte) []byte {
	if ServerConfig(p) {
		switch path.Ext(p) {
		case ".yml", ".yaml":
			return lang.StripComments(lang.YAML, data)
		case ".properties":
			return propertiesCommentRE.ReplaceAllFunc(data, blank)
		}
		return data
	}
	src := templateCommentRE.ReplaceAllFunc(blankHTMLComments(data), blank)
	if indentedTemplate(p) {
		src = blankIndentedComments(src)
	}
	return src
}

// indentedTemplate reports whether p is Slim or Haml, whose elements are
// lines.
func indentedTemplate(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".slim", ".haml":
		return true
	}
	return false
}

// blankIndentedComments blanks the comment lines of Slim (/ a code
// comment, /! an HTML comment) and Haml (/ an HTML comment), and the
// lines indented under one, which are the comment's too: what they hold
// loads nothing.
func blankIndentedComments(src []byte) []byte {
	out := slices.Clone(src)
	comment := -1 // the indentation of the comment being blanked
	off := 0
	for _, line := range bytes.SplitAfter(src, []byte("\n")) {
		body := bytes.TrimLeft(line, " \t")
		indent := len(line) - len(body)
		if len(bytes.TrimSpace(body)) > 0 && comment >= 0 && indent <= comment {
			comment = -1
		}
		if comment < 0 && bytes.HasPrefix(body, []byte("/")) {
			comment = indent
		}
		if comment >= 0 {
			copy(out[off:], blank(line))
		}
		off += len(line)
	}
	return out
}

// bladeCommentRE is a Blade comment.
var bladeCommentRE = regexp.MustCompile(`(?s)\{\{--.*?--\}\}`)

// propertiesCommentRE is a comment line of a .properties file.
var propertiesCommentRE = regexp.MustCompile(`(?m)^[ \t]*[#!][^\n]*`)

func blank(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if c == '\n' {
			out[i] = '\n'
		} else {
			out[i] = ' '
		}
	}
	return out
}

// pageOrConfig records the catalogue services a server template or a
// settings file names: the loading tags of a page (embedUses), the
// catalogue hosts in its attributes or values, and the identity
// providers a Spring Security client registration names.
func (d *Detector) pageOrConfig(f *detector.File) {
	src := blankPageComments(f.Path, f.Data)
	config := ServerConfig(f.Path)
	if !config {
		for _, u := range embedUses(lang.HTML, src) {
			d.record(u.service.ID, facts.Evidence{File: f.Path, Line: code.LineAt(src, u.off)})
		}
		d.pageLoads(f.Path, src)
	}
	for _, u := range code.PageHosts(src, !config) {
		if u.Service.ThirdParty() {
			d.record(u.Service.ID, facts.Evidence{File: f.Path, Line: u.Line})
		}
	}
	if config {
		if i := code.AmazonS3Host(src); i >= 0 {
			// An S3 client whose endpoint these settings give goes to
			// Amazon: kept in Finish when some code uses the S3 SDK.
			d.mu.Lock()
			d.s3Settings = append(d.s3Settings, facts.Evidence{File: f.Path, Line: code.LineAt(src, i)})
			d.mu.Unlock()
		}
		for _, u := range springRegistrations(src) {
			d.record(u.service.ID, facts.Evidence{File: f.Path, Line: code.LineAt(src, u.off)})
		}
		// The mail server Spring's JavaMailSender sends through: where
		// the SMTP row's mail goes, kept in Finish when some code or
		// manifest sends mail (the setting alone sends nothing).
		if line := store.SpringSettingLine(f, "spring.mail.host"); line > 0 {
			d.mu.Lock()
			d.mailSettings = append(d.mailSettings, facts.Evidence{File: f.Path, Line: line})
			d.mu.Unlock()
		}
	}
}

var (
	// springRegistrationRE is a Spring Security OAuth2 client
	// registration in properties form: ...registration.github.client-id.
	springRegistrationRE = regexp.MustCompile(`oauth2\.client\.registration\.([\w-]+)\.`)
	// springRegistrationYAMLRE is the registration: key of a YAML tree.
	springRegistrationYAMLRE = regexp.MustCompile(`(?m)^([ \t]*)registration:[ \t]*\n`)
	yamlKeyRE                = regexp.MustCompile(`^([ \t]*)([\w-]+):`)
)

// springRegistrations lists the identity providers a Spring Boot settings
// file registers as OAuth2 clients (github, google: its presets), each at
// its key. A provider Spring has no preset for is named by the catalogue
// only when its name is a sign-in preset's.
func springRegistrations(src []byte) []embedUse {
	if !strings.Contains(string(src), "oauth2") {
		return nil
	}
	var out []embedUse
	for _, m := range springRegistrationRE.FindAllSubmatchIndex(src, -1) {
		if s := catalog.ForSignIn(string(src[m[2]:m[3]])); s != nil {
			out = append(out, embedUse{s, m[2]})
		}
	}
	for _, m := range springRegistrationYAMLRE.FindAllSubmatchIndex(src, -1) {
		indent := m[3] - m[2]
		child := -1
		off := m[1]
		for _, line := range strings.SplitAfter(string(src[m[1]:]), "\n") {
			k := yamlKeyRE.FindStringSubmatch(line)
			if strings.TrimSpace(line) == "" {
				off += len(line)
				continue
			}
			if k == nil || len(k[1]) <= indent {
				break
			}
			if child < 0 {
				child = len(k[1])
			}
			if len(k[1]) == child {
				if s := catalog.ForSignIn(k[2]); s != nil {
					out = append(out, embedUse{s, off + len(k[1])})
				}
			}
			off += len(line)
		}
	}
	return out
}
