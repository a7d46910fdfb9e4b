package signal

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	words "github.com/threatmap/threatmap/internal/detector/code"
)

// modelIndex is where a handler's code touches a model, or -1: the
// model's name as a word (User.findOne, db.query(User)), its client
// property (prisma.user.findMany, db.websiteEvent), its table in SQL
// (FROM users, INSERT INTO website_event), its MongoDB collection
// (collection("users")) or its table variable given to a query builder
// (.from(users), .insert(teamMembers)). A lower-case word alone
// (req.user) is no touch.
func modelIndex(body, name string) int {
	if name != strings.ToLower(name) {
		for at := 0; at < len(body); {
			i := wordIndex(body[at:], name)
			if i < 0 {
				break
			}
			if i += at; !annotation(body, i, i+len(name)) {
				return i
			}
			at = i + len(name)
		}
	}
	re := modelRE(name)
	if re == nil {
		return -1
	}
	for _, loc := range re.FindAllStringIndex(body, -1) {
		// Array.from(users) copies a list: no query builder.
		if strings.HasPrefix(body[loc[0]:], ".from(") && (strings.HasSuffix(body[:loc[0]], "Array") || strings.HasSuffix(body[:loc[0]], "Buffer")) {
			continue
		}
		return loc[0]
	}
	return -1
}

// modelREs caches modelRE: every route is read for every model.
var modelREs sync.Map // name -> *regexp.Regexp

// modelRE matches a model's client property, SQL table and collection.
func modelRE(name string) *regexp.Regexp {
	if re, ok := modelREs.Load(name); ok {
		return re.(*regexp.Regexp)
	}
	re := compileModelRE(name)
	modelREs.Store(name, re)
	return re
}

func compileModelRE(name string) *regexp.Regexp {
	ws := words.Words(name)
	if len(ws) == 0 {
		return nil
	}
	camel := ws[0]
	for _, w := range ws[1:] {
		camel += strings.ToUpper(w[:1]) + w[1:]
	}
	snake := strings.Join(ws, "_")
	forms := map[string]bool{camel: true, snake: true}
	for f := range forms {
		if strings.HasSuffix(f, "s") {
			forms[strings.TrimSuffix(f, "s")] = true
		} else {
			forms[f+"s"] = true
		}
	}
	var alts []string
	for f := range forms {
		if f != "" && unicode.IsLetter(rune(f[0])) {
			alts = append(alts, regexp.QuoteMeta(f))
		}
	}
	if len(alts) == 0 {
		return nil
	}
	slices.Sort(alts)
	re, err := regexp.Compile(`(?i:\b(?:from|into|update|join|table)\s+["'` + "`" + `]?(?:\w+\.)?)(?:` + strings.Join(alts, "|") + `)\b` +
		`|\bcollection\(\s*["'](?:` + strings.Join(alts, "|") + `)["']` +
		// A query builder given the table's variable (Drizzle's
		// db.select().from(users), db.insert(teamMembers), leftJoin(teams, ...)).
		`|\.(?:from|insert|update|delete|into|(?:inner|left|right|full|cross)?[jJ]oin)\(\s*(?:` + strings.Join(alts, "|") + `)\s*[,)]` +
		`|\.(?:` + strings.Join(alts, "|") + `)\.\w+\(`)
	if err != nil {
		return nil
	}
	return re
}

// annotation reports whether the name at body[start:end] is only a type
// annotation: a parameter or variable typed with the model (user: User,
// -> User, Optional[User], Promise<User>) neither reads nor writes it,
// where User(...), User.query and User.findOne do.
func annotation(body string, start, end int) bool {
	next := strings.TrimLeft(body[end:], " \t")
	if next != "" && (next[0] == '(' || next[0] == '.') {
		return false
	}
	prev := strings.TrimRight(body[:start], " \t")
	// Inside a generic or subscripted type: Optional[User], list[User],
	// Promise<User>, Array<User>, User | None.
	for strings.HasSuffix(prev, "[") || strings.HasSuffix(prev, "<") || strings.HasSuffix(prev, "|") || strings.HasSuffix(prev, ",") && strings.ContainsAny(lastOpen(prev), "[<") {
		j := strings.LastIndexAny(prev, "[<|,")
		k := j
		for k > 0 && (isWordByte(prev[k-1]) || prev[k-1] == '.') {
			k--
		}
		if prev[j] == '|' || prev[j] == ',' {
			prev = strings.TrimRight(prev[:j], " \t")
			continue
		}
		prev = strings.TrimRight(prev[:k], " \t")
	}
	return strings.HasSuffix(prev, "->") || strings.HasSuffix(prev, ":") && !strings.HasSuffix(prev, "::") && len(prev) > 1 && (isWordByte(prev[len(prev)-2]) || prev[len(prev)-2] == ' ' || prev[len(prev)-2] == '?' || prev[len(prev)-2] == ')')
}

// lastOpen is the text after the last unclosed [ or < of s, with it.
func lastOpen(s string) string {
	depth := 0
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case ']', '>':
			depth++
		case '[', '<':
			if depth == 0 {
				return s[i:]
			}
			depth--
		case '\n', '(', ')', '{', '}':
			return ""
		}
	}
	return ""
}
