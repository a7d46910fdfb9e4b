package credential

import "testing"

// TestReadRoles: a value passed as a key, password, token or signing key
// is a secret whatever its name; one converted to a number or passed as
// a path, address or cookie option is a setting whatever its name; a
// plain assignment says nothing, and the name decides.
func TestReadRoles(t *testing.T) {
	tests := []struct {
		name, path, src, variable string
		secret                    bool
	}{
		{"client api_key", "app/llm.py", "import os\nclient = OpenAI(api_key=os.environ[\"LLM\"])\n", "LLM", true},
		{"bearer header, f-string", "app/hf.py", "import os\nheaders = {\"Authorization\": f\"Bearer {os.environ['HF']}\"}\n", "HF", true},
		{"bearer header, concatenation", "src/a.ts", "const h = { Authorization: \"Bearer \" + process.env.UPSTREAM }\n", "UPSTREAM", true},
		{"jwt signing key", "app/auth.py", "import os\ntoken = jwt.encode(payload, os.environ[\"SIGNER\"], algorithm=\"HS256\")\n", "SIGNER", true},
		{"hmac key in Go", "hooks.go", "package h\nimport \"os\"\nvar m = hmac.New(sha256.New, []byte(os.Getenv(\"HOOKS\")))\n", "HOOKS", true},
		{"password argument", "src/db.js", "const pool = new Pool({ user: 'app', password: process.env.PGPASS })\n", "PGPASS", true},

		{"a DSN's password, f-string", "app/db.py", "import os\nurl = f\"postgresql://app:{os.environ['PGW']}@db:5432/app\"\n", "PGW", true},
		{"a DSN's password, template", "src/db.ts", "const url = `mysql://app:${process.env.MYW}@db/app`\n", "MYW", true},
		{"lookalike: a DSN's host", "src/db2.ts", "const url = `mysql://app@${process.env.MYSQL_HOSTNAME}/app`\n", "MYSQL_HOSTNAME", false},
		{"lookalike: a DSN's user", "src/db3.ts", "const url = `mysql://${process.env.DB_LOGIN}:pw@db/app`\n", "DB_LOGIN", false},
		{"lookalike: a key file's path", "app/serve.py", "import os\nuvicorn.run(app, ssl_keyfile=os.environ[\"SSL_KEY\"])\n", "SSL_KEY", false},
		{"lookalike: a number", "app/cache.py", "import os\nttl = int(os.getenv(\"TOKEN_CACHE\", \"60\"))\n", "TOKEN_CACHE", false},
		{"lookalike: a cookie option", "src/session.ts", "res.cookie('sid', v, { sameSite: process.env.SESSION_SECRET_SAMESITE_POLICY })\n", "SESSION_SECRET_SAMESITE_POLICY", false},
		{"lookalike: a token endpoint", "src/oauth.ts", "const client = new Issuer({ token_endpoint: process.env.OIDC_TOKEN })\n", "OIDC_TOKEN", false},
		{"lookalike: Authorization in a log message", "app/log.py", "import os\nlog.info(\"Authorization header %s\", os.environ[\"API_KEY\"])\n", "API_KEY", true},
		{"through a variable: a key file's path", "cli/run.py", "import os\nssl_keyfile = os.environ.get(\"APP_SSL_KEY\")\nuvicorn.run(app, ssl_keyfile=ssl_keyfile)\n", "APP_SSL_KEY", false},
		{"through a variable: a client's key", "app/pay.py", "import os\nk = os.getenv(\"PAYMENTS\")\nclient = Payments(api_key=k)\n", "PAYMENTS", true},
		{"lookalike: another variable's use", "app/pay2.py", "import os\nk = os.getenv(\"PAY_KEY\")\nkk = 1\nclient = Payments(timeout=kk)\n", "PAY_KEY", true},
		{"compared with a literal: a switch", "pkgs/hash.go", "package h\nimport \"os\"\nvar off = os.Getenv(\"UNSAFE_DISABLE_PASSWORD_CHECK\") == \"yes_i_am_sure\"\n", "UNSAFE_DISABLE_PASSWORD_CHECK", false},
		{"compared with a literal, lowered", "app/flags.py", "import os\nif os.getenv(\"SKIP_TOKEN_AUTH\", \"\").lower() == \"true\":\n    pass\n", "SKIP_TOKEN_AUTH", false},
		{"compared with a literal, before", "src/f.ts", "if ('1' === process.env.SECRET_DEBUG_MODE_SWITCH) {}\n", "SECRET_DEBUG_MODE_SWITCH", false},
		{"lookalike: compared with another value", "src/hook.ts", "if (req.headers['x-token'] === process.env.HOOK_TOKEN) {}\n", "HOOK_TOKEN", true},
		{"lookalike: a secret passed, then a literal", "app/c.py", "import os\nok = check(os.environ[\"API_TOKEN\"]) == \"ok\"\n", "API_TOKEN", true},
		{"name decides: a plain assignment", "app/settings.py", "import os\nSECRET_KEY = os.environ[\"SECRET_KEY\"]\n", "SECRET_KEY", true},
		{"name decides: a const", "src/c.ts", "const key = process.env.LOG_LEVEL\n", "LOG_LEVEL", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reads := Reads(tt.path, []byte(tt.src))
			if len(reads) != 1 || reads[0].Name != tt.variable {
				t.Fatalf("reads = %+v, want one of %s", reads, tt.variable)
			}
			if got := reads[0].Secret(); got != tt.secret {
				t.Errorf("%s: secret = %v (role %d), want %v", tt.variable, got, reads[0].Role, tt.secret)
			}
		})
	}
}
