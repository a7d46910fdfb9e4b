// Package summary asks a model for a digest.
package summary

import (
	"context"

	"github.com/anthropics/anthropic-sdk-go"
)

// Digest summarises text with Claude.
func Digest(ctx context.Context, text string) (string, error) {
	client := anthropic.NewClient()
	msg, err := client.Messages.New(ctx, anthropic.MessageNewParams{
		Model:     anthropic.ModelClaude3_5HaikuLatest,
		MaxTokens: 512,
		Messages:  []anthropic.MessageParam{anthropic.NewUserMessage(anthropic.NewTextBlock(text))},
	})
	if err != nil {
		return "", err
	}
	return msg.Content[0].Text, nil
}
