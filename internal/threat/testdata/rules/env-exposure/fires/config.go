package main

import (
	"os"

	"github.com/joho/godotenv"
)

type config struct {
	DatabaseURL   string
	PostmarkToken string
	SessionSecret string
}

// load reads a developer's .env first: the file a careless `git add .`
// commits.
func load() config {
	_ = godotenv.Load()
	return config{
		DatabaseURL:   os.Getenv("DATABASE_URL"),
		PostmarkToken: os.Getenv("POSTMARK_SERVER_TOKEN"),
		SessionSecret: os.Getenv("SESSION_SECRET"),
	}
}
