package lang

import (
	"slices"
	"testing"
)

func TestSplitTopLevel(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"empty", "", []string{""}},
		{"plain", "a, b,c", []string{"a", " b", "c"}},
		{"nested calls and literals", "f(a, b), [1, 2], {k: 1, j: 2}, x", []string{"f(a, b)", " [1, 2]", " {k: 1, j: 2}", " x"}},
		{"commas in strings", `'a,b', "c,d", ` + "`e,f`", []string{`'a,b'`, ` "c,d"`, " `e,f`"}},
		{"escaped quote", `'it\'s, here', y`, []string{`'it\'s, here'`, " y"}},
		{"SQL doubled quote", `name TEXT DEFAULT 'o''neil, x', age INT`, []string{`name TEXT DEFAULT 'o''neil, x'`, " age INT"}},
		{"sized column", "price DECIMAL(10, 2), qty INT", []string{"price DECIMAL(10, 2)", " qty INT"}},
		{"trailing comma", "a, b,", []string{"a", " b", ""}},
		{"apostrophe stops at the line end", "a, -- don't\nb, c", []string{"a", " -- don't\nb", " c"}},
		{"template spans lines", "`x,\ny`, z", []string{"`x,\ny`", " z"}},
		{"unbalanced close", "a), b", []string{"a)", " b"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := SplitTopLevel(tc.in); !slices.Equal(got, tc.want) {
				t.Errorf("SplitTopLevel(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestClosingBracket(t *testing.T) {
	for _, tc := range []struct {
		in   string
		open int
		want int
	}{
		{"f(a, g(b), [c])", 1, 14},
		{`f(')', "(")`, 1, 10},
		{"{a: [1, 2], b: {c: 3}} tail", 0, 21},
		{"f(a, b", 1, -1},
		{"x", 0, -1},
		{"f()", 5, -1},
	} {
		if got := ClosingBracket(tc.in, tc.open); got != tc.want {
			t.Errorf("ClosingBracket(%q, %d) = %d, want %d", tc.in, tc.open, got, tc.want)
		}
	}
}
