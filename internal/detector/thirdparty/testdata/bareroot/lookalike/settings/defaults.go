package settings

// Lookalikes: a page of the service under another path is a link, not
// its root; the root of a host many services share (Google's) names
// none of them; a bare host is a key, an origin with no slash is a header
// sent, and a root a path is appended to is a page of the user's choosing.
var defaults = map[string]string{
	"avatar_help":   `https://www.gravatar.com/support`,
	"docs_home":     "https://docs.google.com/",
	"default_theme": "light",
}

var selectors = map[string]string{
	"gravatar.com": "div.profile",
}

func referer() string { return "https://www.gravatar.com" }

func profile(user string) string { return "https://www.gravatar.com/" + user + ".json" }
