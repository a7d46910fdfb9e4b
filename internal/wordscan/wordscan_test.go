package wordscan

import (
	"slices"
	"strings"
	"testing"
)

type hit struct{ n, off int }

// reference finds the same hits with one search per word.
func reference(words []string, text string) []hit {
	var out []hit
	first := map[string]int{}
	for n, w := range words {
		if _, ok := first[w]; !ok {
			first[w] = n
		}
	}
	for n, w := range words {
		if first[w] != n {
			continue
		}
		for from := 0; ; {
			i := strings.Index(text[from:], w)
			if i < 0 {
				break
			}
			out = append(out, hit{n, from + i})
			from += i + 1
		}
	}
	slices.SortStableFunc(out, func(a, b hit) int {
		if a.off != b.off {
			return a.off - b.off
		}
		return a.n - b.n
	})
	return out
}

func all(s *Set, text string) []hit {
	var out []hit
	Each(s, text, func(n, off int) bool {
		out = append(out, hit{n, off})
		return true
	})
	return out
}

func TestEachMatchesReference(t *testing.T) {
	words := []string{"api.stripe.com", "api.openai.com", "ap", "res", "response", "log", "res"}
	s := MustNew(words)
	for _, text := range []string{
		"", "a", "ap", "res", "response = log(res)", "api.stripe.comapi.openai.com",
		"xxapi.stripe.co", "resresres", "apap", "\nlog\n",
	} {
		if got, want := all(s, text), reference(words, text); !slices.Equal(got, want) {
			t.Errorf("%q: got %v, want %v", text, got, want)
		}
		var bytesHits []hit
		Each(s, []byte(text), func(n, off int) bool { bytesHits = append(bytesHits, hit{n, off}); return true })
		if want := reference(words, text); !slices.Equal(bytesHits, want) {
			t.Errorf("%q as bytes: got %v, want %v", text, bytesHits, want)
		}
	}
}

func TestEachStops(t *testing.T) {
	s := MustNew([]string{"ab"})
	calls := 0
	Each(s, "ab ab ab", func(int, int) bool { calls++; return false })
	if calls != 1 {
		t.Fatalf("found called %d times after returning false", calls)
	}
}

func TestNewRejects(t *testing.T) {
	if _, err := New([]string{"ok", "x"}); err == nil {
		t.Error("a one-byte word was accepted")
	}
	var many []string
	for i := range 300 {
		many = append(many, string([]byte{byte('!' + i%90), byte('!' + i/90)}))
	}
	if _, err := New(many); err == nil {
		t.Error("more than 255 first pairs were accepted")
	}
}

func FuzzEachMatchesReference(f *testing.F) {
	f.Add("res log", "response = log(res)")
	f.Add("ab", "aab")
	f.Fuzz(func(t *testing.T, wordList, text string) {
		var words []string
		for _, w := range strings.Fields(wordList) {
			if len(w) >= 2 {
				words = append(words, w)
			}
		}
		s, err := New(words)
		if err != nil {
			return
		}
		if got, want := all(s, text), reference(words, text); !slices.Equal(got, want) {
			t.Fatalf("words %q in %q: got %v, want %v", words, text, got, want)
		}
	})
}
