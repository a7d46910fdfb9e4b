package credential

import (
	"strings"
)

var (
	// publicMarks are tokens of variables meant to be seen: bundled into
	// the browser (NEXT_PUBLIC_, VITE_) or public by design (a Stripe
	// publishable key, a Supabase anon key).
	publicMarks = map[string]bool{"PUBLIC": true, "PUBLISHABLE": true, "ANON": true, "VITE": true, "REACT": true}
	// plainLast are last tokens of settings that name, locate or tune
	// something rather than unlock it.
	plainLast = map[string]bool{
		"ID": true, "SID": true, "HOST": true, "HOSTNAME": true, "PORT": true, "REGION": true, "NAME": true, "BUCKET": true,
		"DOMAIN": true, "ENDPOINT": true, "USER": true, "USERNAME": true, "EMAIL": true, "PATH": true, "DIR": true,
		"LEVEL": true, "DEBUG": true, "ENV": true, "MODE": true, "MODEL": true, "VERSION": true, "TIMEOUT": true,
		"LENGTH": true, "TTL": true, "EXPIRY": true, "EXPIRES": true, "EXPIRE": true, "ALGORITHM": true, "ROUNDS": true,
		"HEADER": true, "MINUTES": true, "SECONDS": true, "HOURS": true, "DAYS": true, "ENABLED": true, "COUNT": true,
		"SIZE": true, "LIMIT": true, "ORIGIN": true, "ORIGINS": true, "PROJECT": true, "ACCOUNT": true, "NUMBER": true,
		// Where a token is fetched or a cookie goes, and how long it lives:
		// OAUTH_TOKEN_URL, COOKIE_SAMESITE, STATE_COOKIE_LIFETIME. A URL
		// that carries a password is a connection string, decided first.
		"URL": true, "URI": true, "SAMESITE": true, "LIFETIME": true, "SECURE": true, "HTTPONLY": true, "AGE": true,
	}
	secretTokens = map[string]bool{
		"KEY": true, "KEYS": true, "SECRET": true, "SECRETS": true, "TOKEN": true, "TOKENS": true,
		"PASSWORD": true, "PASS": true, "PASSWD": true, "PWD": true, "PASSPHRASE": true, "PRIVATE": true,
		"CREDENTIAL": true, "CREDENTIALS": true, "CREDS": true, "DSN": true, "SALT": true, "PEPPER": true,
		"APIKEY": true, "SECRETKEY": true, "ACCESSKEY": true, "PRIVATEKEY": true, "AUTHTOKEN": true, "ACCESSTOKEN": true,
		"SIGNING": true, "COOKIE": true,
	}
	// connection strings carry a password in their user-info part.
	connectionSuffixes = []string{"DATABASE_URL", "DB_URL", "DB_URI", "DATABASE_URI", "MONGO_URL", "MONGO_URI", "MONGODB_URL", "MONGODB_URI",
		"REDIS_URL", "AMQP_URL", "RABBITMQ_URL", "BROKER_URL", "POSTGRES_URL", "POSTGRESQL_URL", "MYSQL_URL", "CONNECTION_STRING", "WEBHOOK_URL", "CLOUDINARY_URL"}
)

// IsSecret classes a variable by its name: a key, token, password,
// private key or connection string is a secret; a public, publishable or
// anonymous key, an id, host, port or tuning knob is not.
func IsSecret(name string) bool {
	up := strings.ToUpper(name)
	tokens := strings.FieldsFunc(up, func(r rune) bool { return r == '_' || r == '-' || r == '.' })
	if len(tokens) == 0 {
		return false
	}
	for _, t := range tokens {
		if publicMarks[t] {
			return false
		}
	}
	for _, s := range connectionSuffixes {
		if up == s || strings.HasSuffix(up, "_"+s) {
			return true
		}
	}
	if plainLast[tokens[len(tokens)-1]] {
		return false
	}
	for _, t := range tokens {
		if secretTokens[t] {
			return true
		}
	}
	return false
}

// AssetName names the asset a secret unlocks: "OpenAI API key
// (OPENAI_API_KEY)", "Stripe webhook secret (STRIPE_WEBHOOK_SECRET)".
func AssetName(name string) string {
	up := strings.ToUpper(strings.ReplaceAll(keyName(name), ".", "_"))
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains("_"+up+"_", "_"+w+"_") {
				return true
			}
		}
		return false
	}
	what := "API key"
	switch {
	case has("WEBHOOK") && has("SECRET", "KEY"):
		what = "webhook secret"
	case has("PASSWORD", "PASS", "PASSWD", "PWD", "PASSPHRASE"):
		what = "password"
	case has("URL", "URI", "DSN", "STRING"):
		what = "connection string"
	case has("PRIVATE"):
		what = "private key"
	case has("TOKEN"):
		what = "token"
	case has("CREDENTIALS", "CREDENTIAL", "CREDS"):
		what = "credentials"
	case has("SECRET") && has("KEY", "ACCESS"):
		what = "secret key"
	case has("SECRET"):
		what = "secret"
	case has("SALT", "PEPPER", "SIGNING", "COOKIE"):
		what = "signing secret"
	}
	if s := ServiceOf(name, true); s != nil {
		return s.Name + " " + what + " (" + name + ")"
	}
	if strings.Contains(up, "DATABASE") || strings.HasPrefix(up, "DB_") {
		return "Database " + what + " (" + name + ")"
	}
	return strings.ToUpper(what[:1]) + what[1:] + " (" + name + ")"
}
