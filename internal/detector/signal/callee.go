package signal

import (
	"bytes"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"

	srccode "github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/regexgate"
)

// Controls one call away. A handler often asks a function of its own
// repository whether to go on (if (!(await canViewAllTeams(auth)))
// return unauthorized(); if !isAllowedToAccessMetricsEndpoint(r) {
// http.NotFound(w, r); return }): the check is in that function's body,
// not the handler's. A control the function's body shows counts at the
// route when the handler branches on the call, so the function decides
// whether the handler goes on; a function merely called, whose answer
// the handler ignores, decides nothing. It is followed by its name when
// no other function of the repository has that name, as Calls follows
// a model's callers.

// calleeKinds are the controls a function's body may show for its
// caller: checks that let a request on or turn it away. Not the owner
// condition: its pattern costs more over every function of a tree than
// the rest of the scan's reading does, and an owner check in a helper
// counts only for the id the handler passes it (ownercall.go).
var calleeKinds = map[string]bool{
	facts.SignalRateLimit: true, facts.SignalCaptcha: true, facts.SignalWebhookSig: true,
	facts.SignalAdminRole: true, facts.SignalIPAllowlist: true,
	facts.SignalBasicAuth: true, facts.SignalBudget: true, facts.SignalUploadTypeCheck: true,
}

// calleeControl is a control a function's body shows, and where.
type calleeControl struct {
	kind string
	at   facts.Evidence
}

// controlsIn is, per function of a file, the controls its body shows,
// the first of each kind: one pass of each pattern over the file (src,
// and text, the same as a string).
func controlsIn(path string, src []byte, text string, defs []fnDef) map[string][]calleeControl {
	if len(defs) == 0 {
		return nil
	}
	out := map[string][]calleeControl{}
	lower := regexgate.Lower(text)
	lines := srccode.NewLines(src)
	for _, g := range calleeGates() {
		seen := map[string]bool{}
		for _, loc := range g.gate.FindAllStringSubmatchIndex(text, lower, -1) {
			def := defAt(defs, loc[0])
			if def == "" || seen[def] {
				continue
			}
			seen[def] = true
			out[def] = append(out[def], calleeControl{kind: g.kind, at: facts.Evidence{File: path, Line: lines.At(loc[0])}})
		}
	}
	return out
}

// calleeGates are the route patterns of calleeKinds, each gated (run only
// where a match can begin): they read every function of the tree.
var calleeGates = sync.OnceValue(func() []kindGate {
	var out []kindGate
	for _, p := range RoutePatterns {
		if calleeKinds[p.Kind] && p.Code != nil {
			out = append(out, kindGate{kind: p.Kind, gate: regexgate.New(p.Code)})
		}
	}
	// A function that verifies a token (of its parameter: the handler
	// passes it one from the request, calleeSignals).
	return append(out, kindGate{kind: facts.SignalTokenGate, gate: regexgate.New(tokenCheck)})
})

type kindGate struct {
	kind string
	gate *regexgate.Gate
}

// branchLine is a line that branches on what it calls: if, elif,
// unless, a guard's else if.
var branchLine = regexp.MustCompile(`^\s*(?:\}\s*)?(?:else\s+)?(?:if|elif|unless)\b`)

// calleeSignals are the controls of the functions a route's handler
// branches on, each at the function's line.
func (d *Calls) calleeSignals(r *facts.Route) []facts.Signal {
	if strings.TrimSpace(r.Body) == "" || len(d.controls) == 0 {
		return nil
	}
	body := []byte(blankStrings(string(lang.StripComments(lang.Of(r.File), []byte(r.Body)))))
	own := identRE.FindAllString(r.Handler, -1)
	var out []facts.Signal
	seen := map[string]bool{}
	for _, name := range slices.Sorted(maps.Keys(d.controls)) {
		ctls := d.controls[name]
		if len(name) < 4 {
			continue
		}
		// A name the repository defines once, and not the handler's own,
		// is that function; a token verifier is also followed through a
		// module's member (authService.logout(req.body.refreshToken)),
		// where the handler's module may define a function of that name.
		unique := d.allDefs[name] == 1 && (len(own) == 0 || own[len(own)-1] != name)
		for at := 0; at < len(body); {
			i := funcCallAt(body[at:], name)
			if i < 0 {
				break
			}
			i += at
			at = i + len(name)
			start := strings.LastIndexByte(string(body[:i]), '\n') + 1
			branch := unique && branchLine.Match(body[start:i])
			// The token verifier throws without its token: the handler
			// need not branch, only hand it one the request carries.
			end := bytes.IndexByte(body[i:], '\n')
			if end < 0 {
				end = len(body) - i
			}
			token := (unique || i > 0 && body[i-1] == '.') && requestToken.Match(body[i:i+end])
			if !branch && !token {
				continue
			}
			for _, c := range ctls {
				if (c.kind == facts.SignalTokenGate && token || c.kind != facts.SignalTokenGate && branch) && !seen[c.kind] {
					seen[c.kind] = true
					out = append(out, facts.Signal{Kind: c.kind, Detail: name, Route: r.Key(), In: facts.SignalInHandler, Evidence: c.at})
				}
			}
			break
		}
	}
	return out
}
