package output

import (
	"bytes"
	"regexp"

	"github.com/threatmap/threatmap/internal/check"
	"github.com/threatmap/threatmap/internal/diff"
	"github.com/threatmap/threatmap/internal/exchange"
)

// headSize is how much of an existing file is read to tell whether
// threatmap wrote it.
const headSize = 4096

// Ours reports whether a file starting with head is one threatmap wrote,
// in any format, and so may be replaced by a new output. An empty file
// holds nothing to lose.
func Ours(head []byte) bool {
	if len(bytes.TrimSpace(head)) == 0 {
		return true
	}
	for _, f := range Formats {
		if f.Ours(head) {
			return true
		}
	}
	return false
}

// The Markdown that threatmap writes: the report page (with the marker
// init and sync put above it, or without), a check summary, a diff comment.
func oursMarkdown(head []byte) bool {
	return bytes.HasPrefix(head, []byte("<!-- Rendered by threatmap ")) ||
		bytes.HasPrefix(head, []byte("# Threat model: ")) && bytes.Contains(head, []byte("**At a glance:**")) ||
		bytes.HasPrefix(head, []byte(check.MarkdownHeading+": ")) ||
		bytes.HasPrefix(head, []byte(diff.Heading+"\n"))
}

func oursHTML(head []byte) bool {
	return bytes.HasPrefix(head, []byte("<!DOCTYPE html>")) && bytes.Contains(head, []byte(`<meta name="generator" content="threatmap">`))
}

// oursJSON knows each family's JSON by its first keys, which are written
// in a fixed order: report {"version": 1, "product"}, scan {"version": 1,
// "root"}, check {"model", "findings"}, diff {"base", "head"}.
var oursJSONRE = regexp.MustCompile(`^\{\n  (?:"version": 1,\n  "(?:product|root)": |"model": .*\n  "findings": |"base": .*\n  "head": )`)

func oursJSON(head []byte) bool { return oursJSONRE.Match(head) }

func oursSARIF(head []byte) bool {
	return bytes.HasPrefix(head, []byte("{\n  \"version\": \"2.1.0\",")) && bytes.Contains(head, []byte(`"informationUri": "`+check.InformationURI+`"`))
}

// The human check output opens with its verdict when there is nothing to
// report, else with the title of a kind of finding and their count; either
// may be coloured.
func oursHuman(head []byte) bool {
	line, _, _ := bytes.Cut(sgr.ReplaceAll(head, nil), []byte("\n"))
	if bytes.HasPrefix(line, []byte("ok ")) && bytes.HasSuffix(line, []byte(" is true to the code: no findings.")) {
		return true
	}
	for _, k := range check.Kinds {
		if title, ok := bytes.CutPrefix(line, []byte(k.Title+" (")); ok && countRE.Match(title) {
			return true
		}
	}
	return false
}

var (
	sgr     = regexp.MustCompile("\x1b\\[[0-9;]*m")
	countRE = regexp.MustCompile(`^[0-9]+\)$`)
)

// The github output is workflow commands, one per finding, then its verdict.
var oursGitHubRE = regexp.MustCompile(`^(?:::(?:error|warning|notice) file=|threatmap check (?:passed|failed): )`)

func oursGitHub(head []byte) bool { return oursGitHubRE.Match(head) }

// The exchange formats carry a generator mark in their first bytes: OTM
// in the project's attributes, TM-BOM in its leading extensions.
func oursOTM(head []byte) bool {
	return bytes.HasPrefix(head, []byte("{\n  \"otmVersion\": ")) && bytes.Contains(head, []byte(`"`+exchange.Generator+`": "threatmap"`))
}

func oursTMBOM(head []byte) bool {
	return bytes.HasPrefix(head, []byte("{\n  \"$schema\": ")) && bytes.Contains(head, []byte(`"`+exchange.GeneratorKey+`": "threatmap"`))
}

func oursTable(head []byte) bool { return bytes.HasPrefix(head, []byte(scanTableTitle)) }
