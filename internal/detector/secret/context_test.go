package secret

import "testing"

func TestValueShapes(t *testing.T) {
	for _, tc := range []struct {
		value        string
		words, typed bool
	}{
		{"Pacific/Tongatapu", true, false},
		{"America/Argentina/Buenos_Aires", true, false},
		{"pt-BR", true, false},
		{"Etc/GMT+10", true, false},
		{"QZTW7-ABCD-1234-ABCD-1234-XXXX", false, true},
		{"1234567890abcdef", false, true},
		{"xxxxxxxxxxxxxxxx0000", false, true},
		// Keys: a random body, even with a run in it.
		{"QZTW7-R8KQ2-M4VX9-T6LP3-ABCD", false, false},
		{"k9Qz2Wv7Lm4Tx8Rb3Nc6Yd1H", false, false},
		{"a8F3k1234Lm9Qz7Wp2Rt", false, false},
		{"ZKQWERTYUIOPLMNB", false, false}, // an upper-case run this long is no abbreviation
	} {
		if got := wordRun(tc.value); got != tc.words {
			t.Errorf("wordRun(%q) = %v, want %v", tc.value, got, tc.words)
		}
		if got := sampleValue(tc.value); got != tc.typed {
			t.Errorf("sampleValue(%q) = %v, want %v", tc.value, got, tc.typed)
		}
	}
}
