package code

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/lang"
)

// nodemailer is an SMTP client only through a transport that talks to a
// server: createTransport({ streamTransport: true }) or jsonTransport
// only builds the message (handed to another API, or logged), and a
// transport to a literal loopback host reaches the machine's own relay,
// no one outside. A file whose every createTransport is one of those
// sends no mail through nodemailer; a file that makes none (it takes a
// transport from elsewhere) is left as it reads.
var (
	createTransportRE = regexp.MustCompile(`\bcreateTransport\s*\(`)
	localTransportRE  = regexp.MustCompile(`\b(?:streamTransport|jsonTransport)\s*:\s*true\b`)
	loopbackHostRE    = regexp.MustCompile(`\bhost\s*:\s*["'](?:localhost|127\.0\.0\.1|::1)["']`)
)

func mailerSendsNothing(stripped []byte) bool {
	s := string(stripped)
	locs := createTransportRE.FindAllStringIndex(s, -1)
	if len(locs) == 0 {
		return false
	}
	for _, m := range locs {
		open := m[1] - 1
		end := lang.ClosingBracket(s[:min(len(s), open+4000)], open)
		if end < 0 {
			return false
		}
		arg := s[open+1 : end]
		if !localTransportRE.MatchString(arg) && !(loopbackHostRE.MatchString(arg) && !strings.Contains(arg, "process.env")) {
			return false
		}
	}
	return true
}
