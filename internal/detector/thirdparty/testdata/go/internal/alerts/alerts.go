// Package alerts sends moderation alerts through go-pkgz/notify, which
// picks the channel by constructor.
package alerts

import (
	ntf "github.com/go-pkgz/notify"
)

// Channels are where alerts go.
func Channels(token string) []ntf.Notifier {
	slack := ntf.NewSlack(token)                            // want: third-party slack
	mail := ntf.NewEmail(ntf.SMTPParams{Host: "localhost"}) // want: third-party smtp
	hook := ntf.NewWebhook(ntf.WebhookParams{})             // a URL the operator types names no one
	return []ntf.Notifier{slack, mail, hook}
}
