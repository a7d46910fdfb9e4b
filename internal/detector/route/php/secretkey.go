package php

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// A secret the path carries. A route keyed by a record and a second
// value (/reset_password/{username}/{recovery_key}, /{slug}/{secret})
// whose handler goes on only when that value equals a field of the
// record (if ($recovery_key != $user->recovery_key) return false;),
// here or in a helper it hands both to, reaches the record only with
// its secret: the URL is the capability, as a reset link is, and the
// record's key beside it opens nothing on its own. Judged by the
// comparison, never by the parameter's name.

// fieldRead is a record's field: $user->recovery_key, $link['secret'].
var fieldRead = `\$\w+(?:->\w+|\[\s*'[^']*'\s*\])`

// secretKey is the path parameter the handler compares with a stored
// field of a record and where, or "" when there is none.
func (ix *index) secretKey(c *class, file string, line int, body string, params []facts.Param) (string, *facts.Evidence) {
	if len(params) < 2 {
		return "", nil
	}
	code := string(lang.StripComments(lang.PHP, []byte(body)))
	for _, p := range params {
		if off := comparesWithField(code, p.Name); off >= 0 {
			return p.Name, &facts.Evidence{File: file, Line: line + strings.Count(code[:off], "\n")}
		}
		if ev := ix.helperCompares(c, code, p.Name); ev != nil {
			return p.Name, ev
		}
	}
	return "", nil
}

// comparesWithField is the offset of an if that compares $v with a
// field of a record (directly, or through a variable assigned one), or
// -1.
func comparesWithField(code, v string) int {
	fields := []string{fieldRead}
	for _, m := range regexp.MustCompile(`\$(\w+)\s*=\s*`+fieldRead+`\s*;`).FindAllStringSubmatch(code, -1) {
		fields = append(fields, `\$`+m[1]+`\b`)
	}
	q := `\$` + regexp.QuoteMeta(v) + `\b`
	f := `(?:` + strings.Join(fields, "|") + `)`
	cmp := regexp.MustCompile(q + `\s*(?:!==?|===?)\s*` + f + `|` + f + `\s*(?:!==?|===?)\s*` + q + `|\bhash_equals\(\s*(?:` + f + `\s*,\s*` + q + `|` + q + `\s*,\s*` + f + `)`)
	for _, loc := range ifOpen.FindAllStringIndex(code, -1) {
		end := lang.ClosingBracket(code, loc[1]-1)
		if end < 0 {
			continue
		}
		if cmp.MatchString(code[loc[1]:end]) {
			return loc[0]
		}
	}
	return -1
}

// helperCall is a call of a class's static method or the handler's own:
// UserHelper::keyCorrect(, $this->keyCorrect(.
var helperCall = regexp.MustCompile(`(?:\$this->|\b([A-Z]\w*|self|static|parent)::)(\w+)\s*\(`)

// helperCompares follows a call, made in an if's test and handed $v, to
// a method that compares the parameter $v arrives in with a record's
// field.
func (ix *index) helperCompares(c *class, code, v string) *facts.Evidence {
	q := regexp.MustCompile(`^\s*\$` + regexp.QuoteMeta(v) + `\s*$`)
	for _, m := range helperCall.FindAllStringSubmatchIndex(code, -1) {
		line := code[strings.LastIndexByte(code[:m[0]], '\n')+1 : m[0]]
		if !ifOpen.MatchString(line) {
			continue
		}
		end := lang.ClosingBracket(code, m[1]-1)
		if end < 0 {
			continue
		}
		pos := -1
		for i, a := range lang.SplitTopLevel(code[m[1]:end]) {
			if q.MatchString(a) {
				pos = i
			}
		}
		if pos < 0 {
			continue
		}
		var owner *class
		var meth *method
		switch recv := ""; {
		case m[2] >= 0:
			recv = code[m[2]:m[3]]
			if recv == "self" || recv == "static" || recv == "parent" {
				owner, meth = ix.method(c, code[m[4]:m[5]])
			} else if k := ix.class(recv, ""); k != nil {
				owner, meth = ix.method(k, code[m[4]:m[5]])
			}
		default:
			owner, meth = ix.method(c, code[m[4]:m[5]])
		}
		if meth == nil {
			continue
		}
		ps := paramNames(meth.body)
		if pos >= len(ps) || ps[pos] == "" {
			continue
		}
		mcode := string(lang.StripComments(lang.PHP, []byte(meth.body)))
		if off := comparesWithField(mcode, ps[pos]); off >= 0 {
			return &facts.Evidence{File: owner.file, Line: meth.line + strings.Count(mcode[:off], "\n")}
		}
	}
	return nil
}
