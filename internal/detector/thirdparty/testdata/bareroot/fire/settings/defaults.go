package settings

// The server's default settings: avatars are fetched from the service's
// bare root, which the catalogue lists only with a path.
var defaults = map[string]string{
	"site_name":       "Files",
	"avatar_server":   `https://www.gravatar.com/`, // want: third-party gravatar
	"avatar_size":     "200",
	"default_timeout": "30",
}
