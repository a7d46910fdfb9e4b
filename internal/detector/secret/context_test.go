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

func TestPlaceholderAndNames(t *testing.T) {
	for v, want := range map[string]bool{
		"your-api-key": true, "<token>": true, "acme_pat_...": true, "sk_live_xxxxxxxx": true, "changeme": true,
		"{api_key}": true, "REPLACE_ME": true, "someRandomStringWith32Characters": true, "ChangeThisToASecurePassword!": true,
		// Keys, and values that hold such a word only inside a random body.
		"Zq8LmW3xR7tK2vN9pB4cY6dH": false, "yourk9Qz2Wv7Lm4Tx8Rb3": false, "": false, "q8Rt2LmN4pW7vKsomeZ3": false,
	} {
		if got := placeholder(v); got != want {
			t.Errorf("placeholder(%q) = %v, want %v", v, got, want)
		}
	}
	for v, want := range map[string]bool{
		"/acme.api.v1.NotesService/GetWebhookSigningSecret": true,
		"/api/v1/secret": false, "/k9Qz2Wv7+Lm4Tx8Rb3Nc6Yd1H=": false,
	} {
		if got := rpcMethod.MatchString(v); got != want {
			t.Errorf("rpcMethod(%q) = %v, want %v", v, got, want)
		}
	}
	src := "const K = \"app_token\";\nlocalStorage.getItem(K);\nrequest.session[NEW_KEY] = t\nconst S = \"signing_value\";\nlocalStorage.setItem(\"x\", S);\n"
	for _, tc := range []struct {
		variable, value string
		want            bool
	}{
		{"K", "app_token", true},
		{"NEW_KEY", "new_refresh_token", true},
		{"S", "signing_value", false},    // stored, not the name
		{"K", "Zk3q9Vx2LpR7tW8y", false}, // no name's shape
	} {
		if got := storageKey([]byte(src), tc.variable, tc.value, 11); got != tc.want {
			t.Errorf("storageKey(%s=%q) = %v, want %v", tc.variable, tc.value, got, tc.want)
		}
	}
}
