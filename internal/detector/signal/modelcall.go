package signal

import (
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
)

// The models a handler reaches through a helper: a route whose handler
// calls a function of the repository (getUser(), svc.ListItems(ctx)),
// named by no other function, touches the models that function's code
// touches. One call deep: a helper's helper is a service layer the
// handler may reach for anything.

// fnCode is a function's code, and the file it is in.
type fnCode struct {
	code, file string
	line       int // where the function starts
}

// codeOf is the code of each of a file's functions, by name (the first
// of a name in the file).
func codeOf(path, text string, defs []fnDef) map[string]fnCode {
	out := make(map[string]fnCode, len(defs))
	for _, sp := range fnSpans(text, defs) {
		if _, ok := out[sp.name]; !ok {
			out[sp.name] = fnCode{code: sp.code, file: path, line: sp.line}
		}
	}
	return out
}

// fnSpan is one function of a file: its name, its code up to the next
// function's start, and the line it starts on.
type fnSpan struct {
	name, code string
	line       int
}

// fnSpans cuts a file's text at its functions' starts, in order.
func fnSpans(text string, defs []fnDef) []fnSpan {
	out := make([]fnSpan, 0, len(defs))
	line, from := 1, 0
	for i, def := range defs {
		line += strings.Count(text[from:def.at], "\n")
		from = def.at
		end := len(text)
		if i+1 < len(defs) {
			end = defs[i+1].at
		}
		out = append(out, fnSpan{name: def.name, code: text[def.at:end], line: line})
	}
	return out
}

// maxHelpers is how many distinct functions of a handler are read for
// the models they touch.
const maxHelpers = 32

// helperCall is a handler's call to a function the repository defines
// once, by that name: at is the call's offset in the handler's body.
type helperCall struct {
	name string
	at   int
	fn   fnCode
}

// helpersCalled lists the calls in a handler's body to functions the
// repository defines once, each name once, in order, the handler itself
// left out and no more than maxHelpers names read.
func (d *Calls) helpersCalled(body, self string) []helperCall {
	seen := map[string]bool{}
	var out []helperCall
	for _, m := range callStart.FindAllStringSubmatchIndex(body, -1) {
		callee := strings.ReplaceAll(body[m[2]:m[3]], " ", "")
		last := callee[strings.LastIndex(callee, ".")+1:]
		if seen[last] || last == self || d.allDefs[last] != 1 {
			continue
		}
		seen[last] = true
		if len(seen) > maxHelpers {
			break
		}
		if fn, ok := d.code[last]; ok {
			out = append(out, helperCall{name: last, at: m[0], fn: fn})
		}
	}
	return out
}

// modelsThrough lists a names-model signal for each model a route's
// handler does not name itself but reaches through a function it calls,
// at the call.
func (d *Calls) modelsThrough(r *facts.Route, models []string) []facts.Signal {
	if strings.TrimSpace(r.Body) == "" || len(models) == 0 || len(d.code) == 0 {
		return nil
	}
	body := r.Body
	var missing []string
	for _, m := range models {
		if modelIndex(body, m) < 0 {
			missing = append(missing, m)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	var out []facts.Signal
	for _, h := range d.helpersCalled(body, lastName(r.Handler)) {
		kept := missing[:0]
		for _, model := range missing {
			if modelIndex(h.fn.code, model) >= 0 {
				out = append(out, facts.Signal{Kind: facts.SignalNamesModel, Detail: model, Route: r.Key(), In: facts.SignalInHandler, Evidence: handlerLine(r, h.at)})
				continue
			}
			kept = append(kept, model)
		}
		if missing = kept; len(missing) == 0 {
			break
		}
	}
	return out
}
