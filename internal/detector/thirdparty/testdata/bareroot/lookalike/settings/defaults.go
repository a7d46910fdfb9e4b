package settings

// Lookalikes: a page of the service under another path is a link, not
// its root; and the root of a host many services share (Google's) names
// none of them.
var defaults = map[string]string{
	"avatar_help":   `https://www.gravatar.com/support`,
	"docs_home":     "https://docs.google.com/",
	"default_theme": "light",
}
