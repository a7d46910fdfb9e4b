package feeds

import (
	"errors"
	"io"
	"net/http"
	"net/url"
)

func Fetch(feedURL string) ([]byte, error) {
	resp, err := http.Get(feedURL) // want: ssrf via=body
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

var allowedHosts = map[string]bool{"example.org": true}

// FetchAllowed fetches only from hosts on the allow-list.
func FetchAllowed(feedURL string) ([]byte, error) {
	u, err := url.Parse(feedURL)
	if err != nil {
		return nil, err
	}
	if !allowedHosts[u.Host] {
		return nil, errors.New("host not allowed")
	}
	resp, err := http.Get(u.String())
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
