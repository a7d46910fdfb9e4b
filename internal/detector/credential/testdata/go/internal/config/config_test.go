package config

import (
	"os"
	"testing"
)

func TestLoad(t *testing.T) {
	os.Setenv("OPENAI_API_KEY", "sk-test")
	_ = os.Getenv("TEST_DB_PASSWORD")
	Load()
}
