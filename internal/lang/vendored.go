package lang

import (
	"bytes"
	"path"
	"regexp"
	"strings"
)

// A library copied into an app's static folder keeps the banner its
// project ships: a licence and a version in the opening comment
// (/*! Bootstrap v3.3.6 | MIT License */, /** @license AngularJS v1.0.8 */),
// or a licence there and a version the code declares.
// The banner alone is not enough: an app's own files may open with its
// licence. So the banner must also name the file itself (bootstrap.js),
// or the code must wrap itself for every module system (UMD), which
// only code written to be published does.
var (
	bannerLicence = regexp.MustCompile(`(?i)@license|\blicen[cs]ed?\b|\bcopyright\b|\(c\)|©`)
	bannerVersion = regexp.MustCompile(`(?i)(?:\bv|@version\s+|\bversion\s+)\d+\.\d+|\b\d+\.\d+\.\d+\b`)
	umdWrapper    = regexp.MustCompile(`typeof\s+define\s*===?\s*['"]function['"]\s*&&\s*define\.amd|typeof\s+exports\s*===?\s*['"]object['"]\s*&&\s*typeof\s+module\s*!==?\s*['"]undefined['"]`)
	nonAlnum      = regexp.MustCompile(`[^a-z0-9]+`)
	versionTail   = regexp.MustCompile(`[-_.]?v?\d+(?:\.\d+)*$`)
)

// vendoredLibrary reports whether a script is a third-party library's
// own file, and the evidence: its opening comment and wrapper.
func vendoredLibrary(p string, src []byte) (string, bool) {
	banner := openingComment(src)
	if banner == "" || !bannerLicence.MatchString(banner) {
		return "", false
	}
	head := head64k(src)
	// The release is in the banner, or the code declares it
	// (Lib.version = "4.0.1"): a library's, not an app's page script.
	if !bannerVersion.MatchString(banner) && !versionDecl.Match(head) {
		return "", false
	}
	if umdWrapper.Match(head) {
		return "a licence banner with a version, and a UMD wrapper", true
	}
	if name := libraryName(p); len(name) >= 3 && strings.Contains(nonAlnum.ReplaceAllString(strings.ToLower(banner), ""), name) {
		return "a licence banner naming " + path.Base(p) + " with a version", true
	}
	return "", false
}

// openingComment is the block comment a file starts with (after blank
// lines, line comments and a "use strict" or "!function(){" opener), or "".
func openingComment(src []byte) string {
	s := bytes.TrimLeft(src, " \t\r\n\ufeff")
	// Line comments before it (a LibreJS "// @license magnet:..." line)
	// are passed over.
	for bytes.HasPrefix(s, []byte("//")) {
		nl := bytes.IndexByte(s, '\n')
		if nl < 0 {
			return ""
		}
		s = bytes.TrimLeft(s[nl:], " \t\r\n")
	}
	i := bytes.Index(s, []byte("/*"))
	if i < 0 || i > 64 {
		return ""
	}
	s = s[i:]
	end := bytes.Index(s, []byte("*/"))
	if end < 0 || end > 4096 {
		return ""
	}
	return string(s[:end])
}

// libraryName is a file's base name as a library names itself: without
// its extensions, version and ".min", letters and digits only
// (jquery.flexslider-2.1.js -> jqueryflexslider).
func libraryName(p string) string {
	base := strings.ToLower(path.Base(p))
	base = strings.TrimSuffix(base, path.Ext(base))
	base = strings.TrimSuffix(base, ".min")
	base = versionTail.ReplaceAllString(base, "")
	return nonAlnum.ReplaceAllString(base, "")
}
