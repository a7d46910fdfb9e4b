package llm

import (
	"context"
	"os"

	openai "github.com/sashabaranov/go-openai" // want: third-party openai
	// anthropic "github.com/anthropics/anthropic-sdk-go"
)

// Client wraps the OpenAI client.
func Client() *openai.Client {
	return openai.NewClient(os.Getenv("OPENAI_API_KEY")) // want: uses-secret openai OPENAI_API_KEY; third-party openai
}

var _ = context.Background
