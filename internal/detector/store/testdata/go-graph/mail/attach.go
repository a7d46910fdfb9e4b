package mail

import "net/http"

// A mail attachment uploaded through Graph names no drive: no store.
func Attach(c *http.Client, msg string) (*http.Response, error) {
	return c.Post("https://graph.microsoft.com/v1.0/me/messages/"+msg+"/attachments/createUploadSession", "application/json", nil)
}

// Listing a drive's files uploads nothing: no store.
func List(c *http.Client) (*http.Response, error) {
	return c.Get("https://graph.microsoft.com/v1.0/me/drive/recent")
}
