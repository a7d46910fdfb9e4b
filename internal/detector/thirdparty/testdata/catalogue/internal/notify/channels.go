package notify

import (
	"github.com/anthropics/anthropic-sdk-go/bedrock"
	"github.com/anthropics/anthropic-sdk-go/vertex"
	ntf "github.com/go-pkgz/notify"
)

var (
	_ = bedrock.WithLoadDefaultConfig
	_ = vertex.WithGoogleAuth
)

// Channels picks each channel by go-pkgz/notify's constructor.
func Channels(token string) []ntf.Notifier {
	return []ntf.Notifier{
		ntf.NewSlack(token),
		ntf.NewEmail(ntf.SMTPParams{Host: "mail.example.com"}),
		ntf.NewTelegram(ntf.TelegramParams{Token: token}),
	}
}
