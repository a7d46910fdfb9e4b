package importer

import (
	"fmt"
	"net/url"
)

const listsAPI = "https://api.listkeeper.io/v2"

// Token trades a code for a token.
func Token(code string) error {
	_, err := DoPost("https://listkeeper.io/oauth/token", url.Values{"code": {code}}) // want: third-party listkeeper.io
	return err
}

// Items reads a list's items.
func Items(id string) error {
	_, err := DoPost(fmt.Sprintf("%s/lists/%s", listsAPI, id), nil) // want: third-party listkeeper.io
	return err
}

// About names another product's page in text only (a lookalike).
func About() string {
	return Describe("https://lookalike-describe.io/about")
}
