// Package lookalike imports only Google's generic client options, as a
// Firebase or Pub/Sub client does: no Drive or Sheets call, and a chat
// link in help text names a host inside another URL.
package lookalike

import (
	"fmt"

	"google.golang.org/api/option"
)

var _ = option.WithCredentialsFile

const help = "Join the room https://matrix.to/#/#ourapp:matrix.org or the forum."

func usage() { fmt.Println(help) }
