package signal

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/lang"
)

// A write that only adds a constant to numeric columns (a view count, a
// hit counter: UPDATE product SET views = views + 1, { $inc: { views: 1 } },
// Post.increment('views'), post.views += 1 then post.save()) keeps no
// value of the caller's and changes no record's meaning: nothing an
// attacker gains from making a victim's browser send it. Which record
// it counts may come from the request; what it writes does not.

var (
	// sqlSetStart is an SQL UPDATE up to its SET clause.
	sqlSetStart = regexp.MustCompile(`(?i)^["']?\s*UPDATE\s+\w+\s+SET\b|^` + "`" + `\s*UPDATE\s+\w+\s+SET\b`)
	// sqlSetEnd is where a SET clause stops: its WHERE, the statement's
	// end, or the string that holds it.
	sqlSetEnd = regexp.MustCompile("(?i)\\bWHERE\\b|[;\\n\"'`]")
	// sqlCounter is one assignment that adds a constant to the column's
	// own value: views = views + 1, t.hits = t.hits - 1.
	sqlCounter = regexp.MustCompile(`(?i)^(?:\w+\.)?(\w+)\s*=\s*(?:\w+\.)?(\w+)\s*[-+]\s*\d+$`)
	// incDocument is a Mongo update document that only increments:
	// { $inc: { views: 1, "stats.hits": 1 } }.
	incDocument = regexp.MustCompile(`\{\s*['"]?\$inc['"]?\s*:\s*\{((?:\s*['"]?[\w.]+['"]?\s*:\s*-?\d+\s*,?)+)\s*\}\s*,?\s*\}`)
	// otherUpdateOp is any Mongo update operator but $inc.
	otherUpdateOp = regexp.MustCompile(`\$(?:set|setOnInsert|unset|push|pull|pullAll|addToSet|pop|rename|mul|min|max|currentDate|bit)\b`)
	// prismaCounter is a Prisma update whose data only increments or
	// decrements: data: { views: { increment: 1 } }.
	prismaCounter = regexp.MustCompile(`\bdata\s*:\s*\{(?:\s*\w+\s*:\s*\{\s*(?:increment|decrement)\s*:\s*\d+\s*\}\s*,?)+\s*\}`)
	// djangoCounter is a queryset update's keyword that adds a constant
	// to the field's own value: views=F("views") + 1.
	djangoCounter = regexp.MustCompile(`^(\w+)\s*=\s*F\(\s*['"](\w+)['"]\s*\)\s*[-+]\s*\d+$`)
	// amountBy is an increment's amount option (Sequelize's { by: n }).
	amountBy = regexp.MustCompile(`\bby\s*:\s*([^,}\s]+)`)
	// numberLiteral is a constant amount.
	numberLiteral = regexp.MustCompile(`^-?\d+(?:\.\d+)?$`)
)

// counterWrite says the store write mutatesStore matched at loc in body
// only adds a constant to counter columns.
func counterWrite(body string, loc []int) bool {
	m := body[loc[0]:loc[1]]
	switch {
	case sqlSetStart.MatchString(m):
		rest := body[loc[1]:]
		if e := sqlSetEnd.FindStringIndex(rest); e != nil {
			rest = rest[:e[0]]
		}
		return allParts(rest, func(a string) bool {
			s := sqlCounter.FindStringSubmatch(a)
			return s != nil && strings.EqualFold(s[1], s[2])
		})
	case strings.HasSuffix(m, "(") && (strings.Contains(m, "increment") || strings.Contains(m, "decrement")):
		return constantAmount(callArgs(body, loc))
	case strings.HasSuffix(m, "(") && strings.Contains(m, ".objects."):
		return allParts(callArgs(body, loc), func(a string) bool {
			s := djangoCounter.FindStringSubmatch(a)
			return s != nil && s[1] == s[2]
		})
	case strings.HasSuffix(m, "(") && (strings.Contains(m, "update") || strings.Contains(m, "Update")):
		args := callArgs(body, loc)
		return (incDocument.MatchString(args) && !otherUpdateOp.MatchString(args)) || prismaCounter.MatchString(args)
	case strings.HasPrefix(m, ".save("):
		return countedBeforeSave(body, loc[0])
	}
	return false
}

// callArgs is the text between the parenthesis a match ends with and
// the one that closes it, or "" when it does not close.
func callArgs(body string, loc []int) string {
	end := closing(body, loc[1]-1)
	if end < 0 {
		return ""
	}
	return body[loc[1]:end]
}

// constantAmount says an increment's arguments add a constant: no
// amount, a number as the amount option (Sequelize), or a number as the
// third argument (TypeORM's increment(where, column, 1)).
func constantAmount(args string) bool {
	if strings.TrimSpace(args) == "" {
		return false
	}
	for _, s := range amountBy.FindAllStringSubmatch(args, -1) {
		if !numberLiteral.MatchString(s[1]) {
			return false
		}
	}
	parts := topLevel(args)
	if len(parts) >= 3 {
		return numberLiteral.MatchString(strings.Trim(strings.TrimSpace(parts[len(parts)-1]), `"'`))
	}
	return true
}

// allParts says text is one or more comma-separated parts, each ok.
func allParts(text string, ok func(string) bool) bool {
	parts := topLevel(text)
	if len(parts) == 0 {
		return false
	}
	for _, p := range parts {
		if !ok(strings.TrimSpace(p)) {
			return false
		}
	}
	return true
}

// topLevel splits text at its top-level commas (lang.SplitTopLevel) and
// drops a trailing empty part (a trailing comma, or no text at all).
func topLevel(text string) []string {
	parts := lang.SplitTopLevel(text)
	if strings.TrimSpace(parts[len(parts)-1]) == "" {
		parts = parts[:len(parts)-1]
	}
	return parts
}

// savedFieldWrite is an assignment to a field of a record:
// post.views += 1, post.views++, post.title = ...
var savedFieldWrite = regexp.MustCompile(`\b(\w+)\.(\w+)\s*(\+\+|--|[-+]=|=)(?:[^=]|$)`)

// countedBeforeSave says the record saved at the .save() at dot had
// fields set before it, every one by adding a constant to itself:
// post.views += 1; post.save(). A record the handler set nothing on
// is not known to be a counter.
func countedBeforeSave(body string, dot int) bool {
	recv := dot
	for recv > 0 && isWordByte(body[recv-1]) {
		recv--
	}
	name := body[recv:dot]
	if name == "" {
		return false
	}
	counted := false
	for _, m := range savedFieldWrite.FindAllStringSubmatchIndex(body[:recv], -1) {
		if body[m[2]:m[3]] != name {
			continue
		}
		field, op := body[m[4]:m[5]], body[m[6]:m[7]]
		value := body[m[7]:]
		if i := strings.IndexAny(value, ";\n"); i >= 0 {
			value = value[:i]
		}
		value = strings.TrimSpace(value)
		switch op {
		case "++", "--":
		case "+=", "-=":
			if !numberLiteral.MatchString(value) {
				return false
			}
		default:
			own := regexp.MustCompile(`^(?:` + regexp.QuoteMeta(name) + `\.` + regexp.QuoteMeta(field) + `|F\(\s*['"]` + regexp.QuoteMeta(field) + `['"]\s*\))\s*[-+]\s*\d+$`)
			if !own.MatchString(value) {
				return false
			}
		}
		counted = true
	}
	return counted
}
