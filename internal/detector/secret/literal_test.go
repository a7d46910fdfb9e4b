package secret

import (
	"reflect"
	"strings"
	"testing"
)

func TestCallArgs(t *testing.T) {
	tests := []struct {
		src  string
		want []string
	}{
		{`f(a, 'b')`, []string{"a", "'b'"}},
		{`jwt.sign({ sub: u.id, role: 'a,b' }, "k", { expiresIn: '1h' })`, []string{"{ sub: u.id, role: 'a,b' }", `"k"`, "{ expiresIn: '1h' }"}},
		{`f()`, nil},
		{`f(g(1, 2), [3, 4])`, []string{"g(1, 2)", "[3, 4]"}},
		{`f('it\'s, fine', x)`, []string{`'it\'s, fine'`, "x"}},
		{`f(a, 'unterminated`, []string{"a", "'unterminated"}},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			got, _ := callArgs(tt.src, strings.IndexByte(tt.src, '('))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("callArgs(%q) = %q, want %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestStringLiteral(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{`'abc'`, "abc", true},
		{`"abc"`, "abc", true},
		{"`abc`", "abc", true},
		{"`a${b}`", "", false},
		{`[]byte("k3y")`, "k3y", true},
		{`Buffer.from('k3y', 'utf8')`, "k3y", true},
		{`b'k3y'`, "k3y", true},
		{`Encoding.UTF8.GetBytes("k3y")`, "k3y", true},
		{`"k3y"u8.ToArray()`, "k3y", true},
		{`"k3y".getBytes(StandardCharsets.UTF_8)`, "k3y", true},
		{`Encoding.UTF8.GetBytes(settings["Jwt:Key"])`, "", false},
		{`f'{k}'`, "", false},
		{`'a' + 'b'`, "", false},
		{`KEY`, "", false},
		{`'`, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := stringLiteral(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("stringLiteral(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestNames(t *testing.T) {
	tests := []struct {
		name            string
		secret, signing bool
	}{
		{"OPENAI_API_KEY", true, false},
		{"DB_PASSWORD", true, false},
		{"SECRET_KEY", true, true},
		{"JWT_SECRET", true, true},
		{"jwtSecret", true, true},
		{"sessionSecret", true, true},
		{"STRIPE_SECRET_KEY", true, false},
		{"AWS_SECRET_ACCESS_KEY", true, false},
		{"AWS_ACCESS_KEY_ID", false, false},
		{"JWT_SECRET_NAME", false, false},
		{"STRIPE_PUBLISHABLE_KEY", false, false},
		{"TOKEN_EXPIRES_IN", false, false},
		{"CACHE_KEY", false, false},
		{"PORT", false, false},
		{"DATABASE_URL", false, false},
		{"MONKEY", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isSecretName(tt.name); got != tt.secret {
				t.Errorf("isSecretName(%q) = %v, want %v", tt.name, got, tt.secret)
			}
			if got := isSigningName(tt.name); got != tt.signing {
				t.Errorf("isSigningName(%q) = %v, want %v", tt.name, got, tt.signing)
			}
		})
	}
}

func TestPlaceholder(t *testing.T) {
	for _, v := range []string{"", "changeme", "your-key-here", "xxx", "XXXXXXXX", "<your key>", "${VAR}", "$VAR", "{{ .Values.key }}", "sk-...", "REPLACE_ME", "****",
		"null://null", "smtp://localhost", "redis://redis:6379", "redis://cache:6379/0",
		// Instructions and descriptions of the value wanted.
		"ChangeThisToASecurePassword!", "someRandomStringWith32Characters", "replace_me_with_a_long_secret", "set-a-strong-password"} {
		if !isPlaceholder(v) {
			t.Errorf("isPlaceholder(%q) = false", v)
		}
	}
	for _, v := range []string{"ioVMEuUYMjPeFXsRgZzCYTHY2IvGYF0e", "postgres", "hunter2", "ключ-секрет",
		"smtp://mailer:hunter2@localhost", "https://abc123@errors.acme.test/42", "https://hooks.acme.test/services/T00/B00/abc", "smtp://localhost?password=hunter2",
		// Keys: random runs, one that starts with a filler word, and words that tell nothing to do.
		"kQ7vR2mX9pL4tW8zN3bC6yH1dF5gJ0sA", "correct-horse-battery-staple", "SuperSecretRandomKz9Qw2Lx"} {
		if isPlaceholder(v) {
			t.Errorf("isPlaceholder(%q) = true", v)
		}
	}
}

func TestReadsAsInstruction(t *testing.T) {
	for v, want := range map[string]bool{
		"ChangeThisToASecurePassword!": true, "someRandomStringWith32Characters": true, "replace_me_with_a_long_secret": true,
		"your-secret-here": true, "GenerateYourOwnKey": true,
		// A filler word with a random tail, random runs, words that ask nothing.
		"changeme123abcXYZq8Rt2LmN4pW7vK": false, "Zq8LmW3xR7tK2vN9pB4cY6dH": false, "abcdefghijklmnopqrstuvwxyz012345": false,
		"correct-horse-battery-staple": false, "super secret key": false, "change": false,
	} {
		if got := readsAsInstruction(v); got != want {
			t.Errorf("readsAsInstruction(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestProse(t *testing.T) {
	for v, want := range map[string]bool{
		"Signing or session key written in the code": true, "Set the key first.": true, "Chave Secreta": true, "GitHub Client Secret": true,
		// Keys typed as words, and one word.
		"super secret key": false, "our signing words": false, "Secret-Key-2024 v2": false, "Segredo": false,
	} {
		if got := prose(v); got != want {
			t.Errorf("prose(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestDotenvPath(t *testing.T) {
	for p, want := range map[string]bool{
		".env": true, "api/.env.local": true, ".env.production": true, "deploy/prod.env": true,
		".env.example": false, ".env.sample": false, ".env.template": false, "env.go": false, "config/.envrc": false,
	} {
		if got := isDotenvPath(p); got != want {
			t.Errorf("isDotenvPath(%q) = %v, want %v", p, got, want)
		}
	}
}

// FuzzLiterals checks that every parser of file content in this package
// survives any input and that each candidate points at its own value.
func FuzzLiterals(f *testing.F) {
	f.Add("app.py", []byte("app.secret_key = 'k3y'\nx = os.getenv('JWT_SECRET', 'dev')\n"))
	f.Add("server.js", []byte("app.use(session({ secret: 'cat' }));\nconst s = process.env.JWT_SECRET || 'dev';\njwt.sign(p, 'k')"))
	f.Add("main.go", []byte("s := os.Getenv(\"JWT_SECRET\")\nif s == \"\" { s = \"dev\" }\nt.SignedString([]byte(\"k\"))"))
	f.Add(".env", []byte("export API_KEY='abc123xyz'\nDATABASE_URL=postgres://u:p4ss@h/db # c\n"))
	f.Add("docker-compose.yml", []byte("environment:\n  - POSTGRES_PASSWORD=postgres\n"))
	f.Add("k.json", []byte(`{"kty":"EC","d":"abc"}`))
	f.Add("seed.ts", []byte("password: await bcrypt.hash('x', 10)"))
	f.Add("broken.js", []byte("jwt.sign({a: [1, 2}, 'unterminated\nsession({ secret: "))
	f.Fuzz(func(t *testing.T, path string, data []byte) {
		for _, c := range literals(path, newText(data), nil) {
			if c.start < 0 || c.end > len(data) || c.start > c.end {
				t.Fatalf("candidate %s out of range: %d..%d of %d", c.rule, c.start, c.end, len(data))
			}
			if string(data[c.start:c.end]) != c.secret {
				t.Fatalf("candidate %s at %d..%d is %q, not its value", c.rule, c.start, c.end, data[c.start:c.end])
			}
		}
	})
}

// FuzzPatterns checks the windowed gitleaks matching on any input.
func FuzzPatterns(f *testing.F) {
	f.Add("a.py", []byte("API_KEY = 'ioVMEuUYMjPeFXsRgZzCYTHY2IvGYF0e'\n"))
	f.Add("k.pem", []byte("-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----"))
	f.Add("x", []byte("\n\n\nkey\n"))
	rs, err := loadRules()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, path string, data []byte) {
		for _, c := range rs.find(path, data) {
			if c.start < 0 || c.end > len(data) || string(data[c.start:c.end]) != c.secret {
				t.Fatalf("candidate %s does not point at its value", c.rule)
			}
		}
	})
}

// A compose file written with CRLF line ends holds the same passwords as
// one with LF: the CR is no part of the value, which is read unquoted.
func TestComposePasswordsLineEnds(t *testing.T) {
	for _, nl := range []string{"\n", "\r\n"} {
		src := "services:" + nl + "  db:" + nl + "    environment:" + nl + "      MYSQL_ROOT_PASSWORD: 'password'" + nl + "      MYSQL_PASSWORD: hunter22" + nl
		var got []string
		for _, c := range composePasswords([]byte(src)) {
			got = append(got, c.variable+"="+c.secret)
		}
		if want := []string{"MYSQL_ROOT_PASSWORD=password", "MYSQL_PASSWORD=hunter22"}; !reflect.DeepEqual(got, want) {
			t.Errorf("line end %q: got %q, want %q", nl, got, want)
		}
	}
}
