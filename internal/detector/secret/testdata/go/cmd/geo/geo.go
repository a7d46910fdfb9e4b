package geo

import "net/http"

// The same key format in a URL the server itself calls is a server key: a secret.
func lookup(addr string) (*http.Response, error) {
	return http.Get("https://maps.vendor.test/maps/api/geocode/json?key=AIzaSyFAKE1server-Lm4Tx8Rb3Nc6Yd1HqZ7Wv" + "&address=" + addr) // want: secret gcp-api-key
}
