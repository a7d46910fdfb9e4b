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
	facts.SignalRateLimit: true, facts.SignalCaptcha: true, facts.SignalWebhookSig: true, facts.SignalReplayBound: true,
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
			def, body := defSpan(defs, text, loc[0])
			if def == "" || seen[def] || senderCheckVoid(g.kind, text[body[0]:body[1]], []int{loc[0] - body[0], loc[1] - body[0]}) {
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

// signatureArg is a call's arguments handing over a request's signature:
// handleWebhook({ body, signature }), verify(payload, req.headers).
var signatureArg = regexp.MustCompile(`(?i)signature|\bsig\b|\bheaders\b`)

// dependsArg ends code that a dependency follows: Depends( or Security(,
// the dependency on the same line or the next.
var dependsArg = regexp.MustCompile(`\b(?:Depends|Security)\(\s*$`)

// calleeSignals are the controls of the functions a route's handler
// branches on, each at the function's line.
func (d *Calls) calleeSignals(r *facts.Route) []facts.Signal {
	if strings.TrimSpace(r.Body) == "" || len(d.controls) == 0 {
		return nil
	}
	body := []byte(blankStrings(string(lang.StripComments(lang.Of(r.File), []byte(r.Body)))))
	own := identRE.FindAllString(r.Handler, -1)
	file := r.HandlerFile
	if file == "" {
		file = r.File
	}
	local := d.local[file]
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
		// A function of the handler's own file is the one a plain call
		// reaches, however many files define the name (two webhook
		// routes, each with its own isAuthorized).
		unique := d.allDefs[name] == 1 && (len(own) == 0 || own[len(own)-1] != name)
		if lc, ok := local[name]; ok && (len(own) == 0 || own[len(own)-1] != name) {
			ctls, unique = lc, true
		}
		for at := 0; at < len(body); {
			i := funcCallAt(body[at:], name)
			if i < 0 {
				break
			}
			i += at
			at = i + len(name)
			start := strings.LastIndexByte(string(body[:i]), '\n') + 1
			// A FastAPI dependency runs before the handler, and what it
			// raises turns the request away: Depends(check) decides as a
			// branch does.
			branch := unique && (branchLine.Match(body[start:i]) || dependsArg.Match(body[max(0, i-80):i]))
			// The token verifier throws without its token: the handler
			// need not branch, only hand it one the request carries.
			end := bytes.IndexByte(body[i:], '\n')
			if end < 0 {
				end = len(body) - i
			}
			token := (unique || i > 0 && body[i-1] == '.') && requestToken.Match(body[i:i+end])
			// A signature verifier throws on a bad signature too
			// (constructEvent): the handler need not branch, only hand
			// it the signature the request carries.
			signed := unique && signatureArg.MatchString(opened(string(body), i+len(name)+1))
			if !branch && !token && !signed {
				continue
			}
			for _, c := range ctls {
				sig := c.kind == facts.SignalWebhookSig || c.kind == facts.SignalReplayBound
				if (c.kind == facts.SignalTokenGate && token || c.kind != facts.SignalTokenGate && branch || sig && signed) && !seen[c.kind] {
					seen[c.kind] = true
					out = append(out, facts.Signal{Kind: c.kind, Detail: name, Route: r.Key(), In: facts.SignalInHandler, Evidence: c.at})
				}
			}
			break
		}
	}
	return out
}

// defSpan is the function a byte offset is in and its span in text: from
// its definition to the next one.
func defSpan(defs []fnDef, text string, off int) (string, [2]int) {
	for i := len(defs) - 1; i >= 0; i-- {
		if defs[i].at <= off {
			end := len(text)
			if i+1 < len(defs) {
				end = defs[i+1].at
			}
			return defs[i].name, [2]int{defs[i].at, end}
		}
	}
	return "", [2]int{}
}
