package credential

import "testing"

func TestIsSecret(t *testing.T) {
	tests := map[string]bool{
		"OPENAI_API_KEY": true, "STRIPE_SECRET_KEY": true, "STRIPE_WEBHOOK_SECRET": true, "AWS_SECRET_ACCESS_KEY": true,
		"AWS_ACCESS_KEY_ID": false, "DATABASE_URL": true, "REDIS_URL": true, "MONGODB_URI": true, "SENTRY_DSN": true,
		"JWT_SECRET": true, "SECRET_KEY": true, "ADMIN_PASSWORD": true, "SMTP_PASS": true, "TWILIO_AUTH_TOKEN": true,
		"FIREBASE_PRIVATE_KEY": true, "GOOGLE_APPLICATION_CREDENTIALS": true, "SLACK_WEBHOOK_URL": true, "openai_api_key": true,
		"NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY": false, "STRIPE_PUBLISHABLE_KEY": false, "PUBLIC_API_KEY": false,
		"VITE_API_KEY": false, "SUPABASE_ANON_KEY": false, "PORT": false, "HOST": false, "DEBUG": false, "LOG_LEVEL": false,
		"S3_BUCKET": false, "AWS_REGION": false, "TWILIO_ACCOUNT_SID": false, "API_BASE_URL": false,
		"ACCESS_TOKEN_EXPIRE_MINUTES": false, "JWT_ALGORITHM": false, "PASSWORD_MIN_LENGTH": false, "MONKEY": false, "": false,
		"OAUTH_GITHUB_TOKEN_URL": false, "OIDC_TOKEN_URI": false, "CHAINLIT_COOKIE_SAMESITE": false,
		"STATE_COOKIE_LIFETIME": false, "SESSION_COOKIE_SECURE": false, "COOKIE_MAX_AGE": false, "PASSWORD_RESET_URL": false,
		"CLOUDINARY_URL": true, "CELERY_BROKER_URL": true, "DISCORD_WEBHOOK_URL": true, "SESSION_COOKIE_SECRET": true,
	}
	for name, want := range tests {
		if got := IsSecret(name); got != want {
			t.Errorf("IsSecret(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestAssetName(t *testing.T) {
	tests := map[string]string{
		"OPENAI_API_KEY":        "OpenAI API key (OPENAI_API_KEY)",
		"STRIPE_SECRET_KEY":     "Stripe secret key (STRIPE_SECRET_KEY)",
		"STRIPE_WEBHOOK_SECRET": "Stripe webhook secret (STRIPE_WEBHOOK_SECRET)",
		"AWS_SECRET_ACCESS_KEY": "AWS secret key (AWS_SECRET_ACCESS_KEY)",
		"DATABASE_URL":          "Database connection string (DATABASE_URL)",
		"JWT_SECRET":            "Secret (JWT_SECRET)",
		"SECRET_KEY":            "Secret key (SECRET_KEY)",
		"SMTP_PASSWORD":         "SMTP server password (SMTP_PASSWORD)",
		"TWILIO_AUTH_TOKEN":     "Twilio token (TWILIO_AUTH_TOKEN)",
		"ADMIN_TOKEN":           "Token (ADMIN_TOKEN)",
	}
	for name, want := range tests {
		if got := AssetName(name); got != want {
			t.Errorf("AssetName(%q) = %q, want %q", name, got, want)
		}
	}
}
