package lang

import (
	"bytes"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// A library copied whole into a server's tree (server/libs/jsonwebtoken)
// carries no banner the file alone shows, but its folder says whose it
// is: a licence file naming another copyright holder than the
// repository's own licence, and a file whose opening comment names the
// repository it came from ("Source: https://github.com/owner/project",
// "@license name | (c) ... | https://github.com/..."). Both must hold: a
// package of the app's own monorepo may carry a licence of its own, and
// an app's file may link a repository in a comment. A file's repository
// is one sign of another project's code beside the licence; the others:
// a code file under the folder whose opening comment claims a copyright
// for a holder the repository's licence does not name ("(c) 2004
// Someone"), PHP files declaring only namespaces none of the app's own
// PHP files declares (namespace Vendor\Captcha; beside the app's
// namespace App), and a package manifest of the folder's own
// (composer.json, package.json). Every file under such a folder is the
// library's. The folder's name never decides.

var (
	// copyrightLine is a licence's copyright line; its holder is the
	// rest after the years.
	copyrightLine = regexp.MustCompile(`(?im)^[\s*#/]*copyright\s+(?:\(c\)\s*|©\s*)?(?:\d{4}(?:\s*[-–,]\s*(?:\d{4}|present))*,?\s*)*(?:by\s+)?(.+?)\s*$`)
	// sourceRepo is a repository's address named as where code comes
	// from: an issue or pull request linked for a workaround is not.
	sourceRepo = regexp.MustCompile(`(?i)\b(?:github\.com|gitlab\.com|bitbucket\.org)/[\w.-]+/[\w.-]+(?:\.git)?/?(?:$|[\s|)>"'\]]|/(?:blob|tree|raw)/)`)
	// provenance says the comment is about where the code comes from.
	// bannerCopyright is a copyright claim in a file's opening comment:
	// "Copyright 2019 Someone", "(c) 2004-2009 Someone"; its holder the
	// rest after the years.
	bannerCopyright = regexp.MustCompile(`(?im)^[\s*#/]*(?:copyright\s+(?:\(c\)\s*|©\s*)?|\(c\)\s*|©\s*)(?:\d{4}(?:\s*[-–,]\s*(?:\d{4}|present))*,?\s*)*(?:by\s+)?(.+?)\s*$`)
	// phpNamespace is a PHP file's namespace declaration: its first part.
	phpNamespace = regexp.MustCompile(`(?m)^\s*namespace\s+\\?([A-Za-z_]\w*)`)
	provenance   = regexp.MustCompile(`(?i)\bsource\b|@license|\blicen[cs]e\b|\bcopyright\b|\(c\)|©|\bfork(?:ed)?\b|\bcopied\b|\bported\b|\bbased on\b|\bvendored\b`)
)

// licenceFile reports whether a file name is a licence's.
func licenceFile(base string) bool {
	b := strings.ToUpper(base)
	b = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(b, ".MD"), ".TXT"), ".RST")
	return b == "LICENSE" || b == "LICENCE" || b == "COPYING" || b == "LICENSE-MIT" || b == "LICENCE-MIT"
}

// licenceHolders are the copyright holders a licence names, as letters
// and digits in lower case.
func licenceHolders(src []byte) []string {
	var out []string
	for _, m := range copyrightLine.FindAllSubmatch(src, 20) {
		h := nonAlnum.ReplaceAllString(strings.ToLower(string(m[1])), "")
		// "Copyright notice" and the like are the licence's words.
		if len(h) >= 3 && !strings.HasPrefix(h, "notice") && !strings.HasPrefix(h, "holder") && !strings.HasPrefix(h, "and") && !strings.HasPrefix(h, "owner") {
			out = append(out, h)
		}
	}
	return out
}

// manifestFile reports whether a file name is a package manifest: the
// folder holding one is a package of its own.
func manifestFile(base string) bool {
	switch base {
	case "composer.json", "package.json", "pyproject.toml", "setup.py", "Cargo.toml":
		return true
	}
	return false
}

// openingLines are a file's first 40 lines and how many of them its
// opening comments hold (line comments too, # (c) Someone), up to its
// first code; a shebang, a PHP opening tag and "use strict" are no code.
func openingLines(src []byte) ([][]byte, int) {
	lines := bytes.SplitN(src, []byte("\n"), 41)
	if len(lines) > 40 {
		lines = lines[:40]
	}
	inBlock := false
	for i, raw := range lines {
		l := bytes.TrimSpace(raw)
		switch {
		case inBlock:
			if bytes.Contains(l, []byte("*/")) || bytes.Contains(l, []byte(`"""`)) {
				inBlock = false
			}
		case len(l) == 0, bytes.HasPrefix(l, []byte("#!")), bytes.HasPrefix(l, []byte("<?php")), bytes.Equal(bytes.Trim(l, `'";`), []byte("use strict")),
			bytes.HasPrefix(l, []byte("//")), bytes.HasPrefix(l, []byte("#")):
		case bytes.HasPrefix(l, []byte("/*")):
			inBlock = !bytes.Contains(l[2:], []byte("*/"))
		case bytes.HasPrefix(l, []byte(`"""`)):
			inBlock = !bytes.Contains(l[3:], []byte(`"""`))
		default:
			return lines, i
		}
	}
	return lines, len(lines)
}

// leadingComments are the comments a file opens with, up to its first
// code.
func leadingComments(src []byte) []byte {
	lines, n := openingLines(src)
	return bytes.Join(lines[:n], []byte("\n"))
}

// bannerHolders are the copyright holders a file's opening comment
// claims, as letters and digits in lower case.
func bannerHolders(src []byte) []string {
	var out []string
	for _, m := range bannerCopyright.FindAllSubmatch(leadingComments(src), 5) {
		h := nonAlnum.ReplaceAllString(strings.ToLower(string(m[1])), "")
		if len(h) >= 3 && !strings.HasPrefix(h, "notice") && !strings.HasPrefix(h, "holder") && !strings.HasPrefix(h, "and") && !strings.HasPrefix(h, "owner") && !strings.HasPrefix(h, "the") && !strings.HasPrefix(h, "for") && !strings.HasPrefix(h, "see") {
			out = append(out, h)
		}
	}
	return out
}

// sourceComment is the line, within a file's opening comment, that names
// the repository the code comes from; 0 when none does.
func sourceComment(src []byte) int {
	lines, n := openingLines(src)
	for i, raw := range lines[:n] {
		l := bytes.TrimSpace(raw)
		if sourceRepo.Match(l) && provenance.Match(l) {
			return i + 1
		}
		// A banner may name the repository a line below its licence:
		// the comment as a whole must speak of provenance.
		if sourceRepo.Match(l) && i > 0 && provenance.Match(bytes.Join(lines[max(0, i-3):i], nil)) {
			return i + 1
		}
	}
	return 0
}

// vendoredRoles are the files under folders that hold a copy of another
// project: a licence naming a holder the repository's own licence does
// not, and a second sign the code is another's (foreignSign).
func (t *Tree) vendoredRoles() map[string]Role {
	out := map[string]Role{}
	if len(t.licences) == 0 {
		return out
	}
	root := map[string]bool{}
	for _, h := range t.licences["."] {
		root[h] = true
	}
	var cands []string
	for _, dir := range slices.Sorted(maps.Keys(t.licences)) {
		if dir == "." || len(t.licences[dir]) == 0 || slices.ContainsFunc(t.licences[dir], func(h string) bool { return root[h] }) {
			continue
		}
		cands = append(cands, dir)
	}
	if len(cands) == 0 {
		return out
	}
	inAny := func(p string, dirs []string) bool {
		return slices.ContainsFunc(dirs, func(d string) bool { return strings.HasPrefix(p, d+"/") })
	}
	// The app's own namespaces: those its PHP files outside every such
	// folder declare.
	own := map[string]bool{}
	for p, ns := range t.namespaces {
		if !inAny(p, cands) && !IsTest(p) && RoleOf(p).Kind != Vendored {
			own[ns] = true
		}
	}
	code := slices.Sorted(slices.Values(t.code))
	var libs []string
	why := map[string]string{}
	for _, dir := range cands {
		// Inside another copy: that one's folder decides.
		if inAny(dir, libs) {
			continue
		}
		sign := t.foreignSign(dir, code, root, own)
		if sign == "" {
			continue
		}
		libs = append(libs, dir)
		why[dir] = "a copy of another project: its licence names another holder, and " + sign
	}
	if len(libs) == 0 {
		return out
	}
	for _, p := range t.code {
		for _, l := range libs {
			if strings.HasPrefix(p, l+"/") {
				out[p] = Role{Kind: Vendored, why: why[l]}
				break
			}
		}
	}
	return out
}

// foreignSign says what, beside its licence, shows folder dir holds
// another project's code: a file directly in it naming the repository it
// comes from, a package manifest of its own, PHP files declaring only
// namespaces the app's own code does not, a file's banner claiming a
// copyright for a holder the repository's licence does not name. Empty
// when nothing does.
func (t *Tree) foreignSign(dir string, code []string, root, own map[string]bool) string {
	if src, ok := t.sourced[dir]; ok {
		return src + " names where it comes from"
	}
	// Without a licence of the repository's own, "another holder" is
	// any holder: a monorepo's packages carry a manifest and a licence of
	// their own, and banners. Only the code itself then says it is
	// another's.
	if m, ok := t.manifests[dir]; ok && len(root) > 0 {
		return "it is a package of its own (" + m + ")"
	}
	var spaces []string
	banner := ""
	for _, p := range code {
		if !strings.HasPrefix(p, dir+"/") {
			continue
		}
		if ns, ok := t.namespaces[p]; ok && !slices.Contains(spaces, ns) {
			spaces = append(spaces, ns)
		}
		if banner == "" && slices.ContainsFunc(t.banners[p], func(h string) bool { return !root[h] }) {
			banner = strings.TrimPrefix(p, dir+"/")
		}
	}
	if len(spaces) > 0 && len(own) > 0 && !slices.ContainsFunc(spaces, func(ns string) bool { return own[ns] }) {
		return "its PHP code declares namespace " + strings.Join(spaces, ", ") + ", which the app's own code does not"
	}
	if banner != "" && len(root) > 0 {
		return banner + " claims a copyright for another holder"
	}
	return ""
}

// addVendorEvidence records what a file says about whose code its folder
// holds. Called under t.mu.
func (t *Tree) addVendorEvidence(p string, src []byte, holders []string, code bool) {
	dir := path.Dir(p)
	if holders != nil {
		if t.licences == nil {
			t.licences = map[string][]string{}
		}
		t.licences[dir] = append(t.licences[dir], holders...)
	}
	if manifestFile(path.Base(p)) {
		if t.manifests == nil {
			t.manifests = map[string]string{}
		}
		t.manifests[dir] = path.Base(p)
	}
	if !code {
		return
	}
	t.code = append(t.code, p)
	if n := sourceComment(src); n > 0 {
		if t.sourced == nil {
			t.sourced = map[string]string{}
		}
		if _, ok := t.sourced[dir]; !ok {
			t.sourced[dir] = path.Base(p) + ":" + strconv.Itoa(n)
		}
	}
	if h := bannerHolders(src); len(h) > 0 {
		if t.banners == nil {
			t.banners = map[string][]string{}
		}
		t.banners[p] = h
	}
	if Of(p).Family() == JavaScript {
		if _, ok := vendoredLibrary(p, src); ok {
			t.addLibrary(p)
		} else if versionDecl.Match(head64k(src)) {
			if t.versioned == nil {
				t.versioned = map[string]bool{}
			}
			t.versioned[p] = true
		}
	}
	if Of(p) == PHP {
		if m := phpNamespace.FindSubmatch(src); m != nil {
			if t.namespaces == nil {
				t.namespaces = map[string]string{}
			}
			t.namespaces[p] = string(m[1])
		}
	}
}

// versionDecl is a script declaring its own release (version: '4.0.2'):
// a library's part does, an app's page script does not.
var versionDecl = regexp.MustCompile(`(?i)\bversion['"]?\s*[:=]\s*['"]v?\d+\.\d+`)

func head64k(src []byte) []byte {
	if len(src) > 64<<10 {
		return src[:64<<10]
	}
	return src
}

// AddLibrary tells the tree of a script known as a library's by its own
// banner (Classify) that a scan skips unread.
func (t *Tree) AddLibrary(p string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.addLibrary(p)
}

func (t *Tree) addLibrary(p string) {
	if t.libraries == nil {
		t.libraries = map[string]bool{}
	}
	t.libraries[p] = true
}

// pluginRoles are a vendored library's parts that carry no banner of
// their own: a script beside the library's bannered file, named for it
// (foundation.tooltips.js beside foundation.js), that declares a release
// of its own. The name alone is not enough: an app's own script may be
// named for the library it builds on (jquery.app.js), but it does not
// declare a version.
func (t *Tree) pluginRoles() map[string]Role {
	out := map[string]Role{}
	for p := range t.versioned {
		dir, base := path.Dir(p), path.Base(p)
		for lib := range t.libraries {
			if path.Dir(lib) != dir {
				continue
			}
			stem := strings.TrimSuffix(path.Base(lib), path.Ext(lib))
			stem = strings.TrimSuffix(stem, ".min")
			if len(stem) >= 3 && strings.HasPrefix(base, stem+".") && base != path.Base(lib) {
				out[p] = Role{Kind: Vendored, why: "a part of the library " + path.Base(lib) + " beside it: named for it, with a version of its own"}
				break
			}
		}
	}
	return out
}
