// Package importer moves a user's lists in from other products through
// helpers of its own: the URL is named at the helper's call, the request
// is sent two calls down.
package importer

import (
	"context"
	"net/http"
	"net/url"
	"strings"
)

// DoPost posts a form.
func DoPost(target string, form url.Values) (*http.Response, error) {
	return DoPostWithHeaders(target, form, map[string]string{})
}

// DoPostWithHeaders posts a form with headers.
func DoPostWithHeaders(urlStr string, form url.Values, headers map[string]string) (*http.Response, error) {
	var resp *http.Response
	err := retry("POST "+urlStr, func() error {
		req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, urlStr, strings.NewReader(form.Encode()))
		if err != nil {
			return err
		}
		for k, v := range headers {
			req.Header.Add(k, v)
		}
		resp, err = http.DefaultClient.Do(req)
		return err
	})
	return resp, err
}

func retry(what string, f func() error) error { return f() }

// Describe only names a URL in text: no request.
func Describe(target string) string {
	return "import from " + target
}
