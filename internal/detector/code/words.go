package code

import (
	"strings"
	"unicode"

	"github.com/threatmap/threatmap/internal/lang"
)

// Words splits an identifier into lower-case words at punctuation and
// camelCase boundaries: passwordHash, password_hash, PasswordHash and
// PASSWORD_HASH are all [password hash]; JWTSecret is [jwt secret].
func Words(name string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
		case unicode.IsUpper(r) && i > 0 && (unicode.IsLower(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(rs[i-1])):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
	}
	flush()
	return out
}

// Indent is a line's indentation width, counting a tab as four spaces.
func Indent(l string) int { return lang.IndentWidth(l, 4) }

// ModelKey is a model's name as words without a plural s: User, users
// and USERS are one key; WebsiteEvent and website_event another;
// Expense and expenses, Address and addresses.
func ModelKey(name string) string {
	ws := Words(name)
	if n := len(ws); n > 0 {
		last := ws[n-1]
		switch {
		case strings.HasSuffix(last, "ies") && len(last) > 4:
			ws[n-1] = last[:len(last)-3] + "y"
		case strings.HasSuffix(last, "ses") && seSingular(last):
			ws[n-1] = last[:len(last)-1]
		case strings.HasSuffix(last, "ses") || strings.HasSuffix(last, "xes"):
			ws[n-1] = last[:len(last)-2]
		case strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") && len(last) > 2:
			ws[n-1] = last[:len(last)-1]
		}
	}
	return strings.Join(ws, " ")
}

// seSingular: a plural in -ses whose singular ends in -se (expenses,
// licenses, courses, purchases, premises, houses), not in -s or -ss
// (addresses, statuses, aliases).
func seSingular(w string) bool {
	stem := w[:len(w)-3]
	if stem == "" {
		return false
	}
	switch stem[len(stem)-1] {
	case 'n', 'r', 'p', 'l', 'i', 'o':
		return true
	case 'a':
		return !strings.HasSuffix(stem, "ia")
	case 'u':
		return strings.HasSuffix(stem, "ou") || strings.HasSuffix(stem, "au")
	}
	return false
}
