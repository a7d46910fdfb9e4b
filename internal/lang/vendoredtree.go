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
// an app's file may link a repository in a comment. Every file under
// such a folder is the library's. The folder's name never decides.

var (
	// copyrightLine is a licence's copyright line; its holder is the
	// rest after the years.
	copyrightLine = regexp.MustCompile(`(?im)^[\s*#/]*copyright\s+(?:\(c\)\s*|©\s*)?(?:\d{4}(?:\s*[-–,]\s*(?:\d{4}|present))*,?\s*)*(?:by\s+)?(.+?)\s*$`)
	// sourceRepo is a repository's address named as where code comes
	// from: an issue or pull request linked for a workaround is not.
	sourceRepo = regexp.MustCompile(`(?i)\b(?:github\.com|gitlab\.com|bitbucket\.org)/[\w.-]+/[\w.-]+(?:\.git)?/?(?:$|[\s|)>"'\]]|/(?:blob|tree|raw)/)`)
	// provenance says the comment is about where the code comes from.
	provenance = regexp.MustCompile(`(?i)\bsource\b|@license|\blicen[cs]e\b|\bcopyright\b|\(c\)|©|\bfork(?:ed)?\b|\bcopied\b|\bported\b|\bbased on\b|\bvendored\b`)
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

// sourceComment is the line, within a file's opening comment, that names
// the repository the code comes from; 0 when none does.
func sourceComment(src []byte) int {
	lines := bytes.SplitN(src, []byte("\n"), 41)
	inBlock := false
	for i, raw := range lines {
		if i == 40 {
			break
		}
		l := bytes.TrimSpace(raw)
		switch {
		case inBlock:
			if bytes.Contains(l, []byte("*/")) || bytes.Contains(l, []byte(`"""`)) {
				inBlock = false
			}
		case len(l) == 0, bytes.HasPrefix(l, []byte("#!")), bytes.Equal(bytes.Trim(l, `'";`), []byte("use strict")):
			continue
		case bytes.HasPrefix(l, []byte("//")), bytes.HasPrefix(l, []byte("#")):
		case bytes.HasPrefix(l, []byte("/*")):
			inBlock = !bytes.Contains(l[2:], []byte("*/"))
		case bytes.HasPrefix(l, []byte(`"""`)):
			inBlock = !bytes.Contains(l[3:], []byte(`"""`))
		default:
			return 0 // code: the opening comment is over
		}
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
// not, and a file directly in the folder whose opening comment names the
// repository it came from.
func (t *Tree) vendoredRoles() map[string]Role {
	out := map[string]Role{}
	if len(t.licences) == 0 || len(t.sourced) == 0 {
		return out
	}
	root := map[string]bool{}
	for _, h := range t.licences["."] {
		root[h] = true
	}
	var libs []string
	why := map[string]string{}
	for _, dir := range slices.Sorted(maps.Keys(t.licences)) {
		src, ok := t.sourced[dir]
		if dir == "." || !ok || len(t.licences[dir]) == 0 || slices.ContainsFunc(t.licences[dir], func(h string) bool { return root[h] }) {
			continue
		}
		// Inside another copy: that one's folder decides.
		if slices.ContainsFunc(libs, func(l string) bool { return strings.HasPrefix(dir, l+"/") }) {
			continue
		}
		libs = append(libs, dir)
		why[dir] = "a copy of another project: its licence names another holder, and " + src + " names where it comes from"
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

// addVendorEvidence records what a file says about whose code its folder
// holds. Called under t.mu.
func (t *Tree) addVendorEvidence(p string, src []byte, holders []string, code bool) {
	if holders != nil {
		if t.licences == nil {
			t.licences = map[string][]string{}
		}
		t.licences[path.Dir(p)] = append(t.licences[path.Dir(p)], holders...)
	}
	if !code {
		return
	}
	t.code = append(t.code, p)
	if n := sourceComment(src); n > 0 {
		if t.sourced == nil {
			t.sourced = map[string]string{}
		}
		if _, ok := t.sourced[path.Dir(p)]; !ok {
			t.sourced[path.Dir(p)] = path.Base(p) + ":" + strconv.Itoa(n)
		}
	}
}
