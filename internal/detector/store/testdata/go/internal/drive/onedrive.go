package drive

import (
	"fmt"
	"net/http"
	"strings"
)

// Client keeps files in a OneDrive drive through Microsoft Graph.
type Client struct {
	base, resource string
	http           *http.Client
}

func (c *Client) url(p string) string {
	return fmt.Sprintf("%s/%s/%s", c.base, c.resource, strings.TrimPrefix(p, "/drive/root:"))
}

// Session opens an upload of a large file.
func (c *Client) Session(dst string) (*http.Response, error) {
	return c.http.Post(c.url("root:/"+dst+":/createUploadSession"), "application/json", nil) // want: store onedrive OneDrive folder (Microsoft Graph)
}
