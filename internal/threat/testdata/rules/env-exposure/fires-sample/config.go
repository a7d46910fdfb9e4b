package main

import "os"

type config struct {
	DatabaseURL   string
	PostmarkToken string
	SessionSecret string
}

func load() config {
	return config{
		DatabaseURL:   os.Getenv("DATABASE_URL"),
		PostmarkToken: os.Getenv("POSTMARK_SERVER_TOKEN"),
		SessionSecret: os.Getenv("SESSION_SECRET"),
	}
}
