package lookalike

// The app's own package called notify, with constructors named like
// go-pkgz/notify's, posts nowhere by itself.
import (
	notify "example.com/acme/internal/chat"
)

var _ = notify.NewSlack("token", "general")
