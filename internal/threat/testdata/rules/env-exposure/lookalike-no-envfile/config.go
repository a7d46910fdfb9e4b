package main

import "os"

type config struct {
	DatabaseURL   string
	PostmarkToken string
	SessionSecret string
}

// load reads the settings the platform gives the process; no .env file is
// kept or loaded anywhere, so there is none to commit by mistake.
func load() config {
	return config{
		DatabaseURL:   os.Getenv("DATABASE_URL"),
		PostmarkToken: os.Getenv("POSTMARK_SERVER_TOKEN"),
		SessionSecret: os.Getenv("SESSION_SECRET"),
	}
}
