package notify

import "net/smtp" // want: third-party smtp

var pass = os.Getenv("SMTP_PASSWORD") // want: uses-secret smtp SMTP_PASSWORD; third-party smtp

func broken( {
