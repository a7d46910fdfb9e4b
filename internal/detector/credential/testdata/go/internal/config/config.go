package config

import (
	"os"
	"time"
)

// Config is read once at start-up.
type Config struct {
	DatabaseURL string        `env:"DATABASE_URL,required"`                  // want: credential DATABASE_URL secret -
	RedisAddr   string        `env:"REDIS_ADDR" envDefault:"localhost:6379"` // want: credential REDIS_ADDR config redis
	Timeout     time.Duration `envconfig:"HTTP_TIMEOUT"`                     // want: credential HTTP_TIMEOUT config -
}

func Load() Config {
	key := os.Getenv("OPENAI_API_KEY")                  // want: credential OPENAI_API_KEY secret openai
	if v, ok := os.LookupEnv("STRIPE_SECRET_KEY"); ok { // want: credential STRIPE_SECRET_KEY secret stripe
		_ = v
	}
	// old := os.Getenv("LEGACY_TOKEN")
	_ = key
	// The app's own prefix before a vendor's key: the vendor's. A setting
	// past the prefix (a page's meta title) unlocks no vendor.
	spam := os.Getenv("MYAPP_AKISMET_KEY") // want: credential MYAPP_AKISMET_KEY secret akismet
	title := os.Getenv("MYAPP_META_TITLE") // want: credential MYAPP_META_TITLE config -
	_, _ = spam, title
	// A sign-in provider's client pair spelled short is the provider's;
	// lookalike: an analytics measurement ID is no secret.
	gkey := os.Getenv("MYAPP_GOOGLE_KEY")       // want: credential MYAPP_GOOGLE_KEY secret google-oauth
	gsecret := os.Getenv("MYAPP_GOOGLE_SECRET") // want: credential MYAPP_GOOGLE_SECRET secret google-oauth
	ga := os.Getenv("GOOGLE_ANALYTICS_ID")      // want: credential GOOGLE_ANALYTICS_ID config google-analytics
	_, _, _ = gkey, gsecret, ga
	msg := "os.Getenv(\"IN_STRING\") is how you read it"
	_ = msg
	return Config{}
}
