package alerts

// Lookalike: the app's own package named notify, with constructors named
// like go-pkgz/notify's, posts nowhere by itself.
import (
	notify "example.com/docqa/internal/feeds"
)

var _ = notify.NewSlack("token", "general")
