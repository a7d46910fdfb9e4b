// Package websocket finds the events WebSocket and Socket.IO servers
// handle: each is an entry point of its own, reached over one upgraded
// connection, written as the request that opens it and the event:
// GET /socket.io#chat:message. Socket.IO (Node), ws, Flask-SocketIO and
// python-socketio are read; a handler for the connection itself is one
// only when the code names no event.
package websocket

import (
	"context"
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/syntax"
)

// Kind is facts.Route.Kind of every surface this package finds.
const Kind = "websocket"

// Detector finds socket events.
type Detector struct{}

// New returns the detector.
func New() *Detector { return &Detector{} }

// Name implements detector.Detector.
func (*Detector) Name() string { return "route/websocket" }

// Match implements detector.Detector: JavaScript, TypeScript and Python
// sources that are not tests.
func (*Detector) Match(p string) bool {
	switch lang.Of(p) {
	case lang.JavaScript, lang.TypeScript, lang.Python:
		return !lang.IsTest(p)
	}
	return false
}

// Keywords implements detector.Keyworded: the servers' packages.
func (*Detector) Keywords() []string {
	return []string{"socket.io", "'ws'", `"ws"`, "flask_socketio", "socketio"}
}

// lifecycle events are the connection's own, not messages a client sends.
var lifecycle = map[string]bool{
	"connection": true, "connect": true, "disconnect": true, "disconnecting": true, "error": true,
	"close": true, "connect_error": true, "open": true, "upgrade": true, "headers": true, "listening": true,
}

// Detect implements detector.Detector.
func (d *Detector) Detect(ctx context.Context, f *detector.File, out *detector.Sink) error {
	if lang.Of(f.Path) == lang.Python {
		d.python(f, out)
		return nil
	}
	return d.javascript(ctx, f, out)
}

var (
	jsSocketIO = regexp.MustCompile(`(?:from\s+|require\(\s*)['"]socket\.io['"]`)
	jsWS       = regexp.MustCompile(`(?:from\s+|require\(\s*)['"]ws['"]`)
	// the path option of the server: new Server(http, { path: '/rt' })
	pathOption = regexp.MustCompile(`\bpath\s*:\s*['"](/[^'"]*)['"]`)
)

func (d *Detector) javascript(ctx context.Context, f *detector.File, out *detector.Sink) error {
	fw, base := "", ""
	switch {
	case jsSocketIO.Match(f.Data):
		fw, base = "socket.io", "/socket.io"
	case jsWS.Match(f.Data):
		fw, base = "ws", "/"
	default:
		return nil
	}
	if m := pathOption.FindSubmatch(f.Data); m != nil {
		base = strings.TrimRight(string(m[1]), "/")
		if base == "" {
			base = "/"
		}
	}
	t, err := f.Tree(ctx, lang.Of(f.Path))
	if err != nil {
		out.Warn(f.Path, "route/websocket: "+err.Error())
		return nil
	}
	syntax.Walk(t.Root(), func(n *syntax.Node) bool {
		event, fn, ok := onCall(t, n)
		if !ok || (event != "connection" && event != "connect") {
			return true
		}
		// io.on('connection', (socket) => { socket.on('x', ...) })
		param := firstParam(t, fn)
		if param == "" {
			return true
		}
		found := 0
		syntax.Walk(fn.ChildByFieldName("body"), func(c *syntax.Node) bool {
			ev, h, ok := onCall(t, c)
			if !ok || lifecycle[ev] || receiverName(t, c) != param {
				return true
			}
			found++
			emit(out, fw, base, ev, f.Path, syntax.Line(c), syntax.EndLine(h), t.Text(h))
			return true
		})
		if found == 0 {
			emit(out, fw, base, "", f.Path, syntax.Line(n), syntax.EndLine(fn), t.Text(fn))
		}
		return false
	})
	return ctx.Err()
}

// onCall reads x.on('event', handler): the event and the handler.
func onCall(t *syntax.Tree, n *syntax.Node) (event string, fn *syntax.Node, ok bool) {
	if n.Type() != "call_expression" {
		return "", nil, false
	}
	callee := n.ChildByFieldName("function")
	if callee == nil || callee.Type() != "member_expression" || t.Text(callee.ChildByFieldName("property")) != "on" {
		return "", nil, false
	}
	args := n.ChildByFieldName("arguments")
	if args == nil || args.NamedChildCount() < 2 {
		return "", nil, false
	}
	event, ok = t.StringValue(args.NamedChild(0))
	fn = args.NamedChild(1)
	if !ok || (fn.Type() != "arrow_function" && fn.Type() != "function_expression" && fn.Type() != "function" && fn.Type() != "identifier") {
		return "", nil, false
	}
	return event, fn, true
}

func receiverName(t *syntax.Tree, call *syntax.Node) string {
	return t.Text(call.ChildByFieldName("function").ChildByFieldName("object"))
}

func firstParam(t *syntax.Tree, fn *syntax.Node) string {
	if p := fn.ChildByFieldName("parameter"); p != nil {
		return t.Text(p)
	}
	ps := fn.ChildByFieldName("parameters")
	if ps == nil || ps.NamedChildCount() == 0 {
		return ""
	}
	p := ps.NamedChild(0)
	if p.Type() == "required_parameter" || p.Type() == "optional_parameter" {
		p = p.ChildByFieldName("pattern")
	}
	if p == nil || p.Type() != "identifier" {
		return ""
	}
	return t.Text(p)
}

// emit adds one event's surface; event "" is the connection itself.
func emit(out *detector.Sink, fw, base, event, file string, line, endLine int, body string) {
	p := base
	if event != "" {
		p += "#" + event
	}
	r := facts.Route{Kind: Kind, Method: "GET", Path: p, Framework: fw, File: file, Line: line, EndLine: endLine,
		Handler: event, Body: body, Tags: []string{facts.TagWebsocket}}
	r.Auth, r.AuthEvidence = route.AuthOf(nil, body, false)
	out.AddRoute(r)
}

var (
	// socketio = SocketIO(app) / sio = socketio.AsyncServer(...)
	pySocketVar = regexp.MustCompile(`(?m)^\s*(\w+)\s*=\s*(?:flask_socketio\.)?(SocketIO|socketio\.(?:Async)?Server)\(`)
	pyDecorator = regexp.MustCompile(`(?m)^([ \t]*)@(\w+)\.(on|event)\b(?:\(\s*['"]([^'"]+)['"][^)]*\))?[^\n]*\n(?:[ \t]*@[^\n]*\n)*[ \t]*(?:async\s+)?def\s+(\w+)`)
	// namespace='/chat' on a Flask-SocketIO handler
	pyNamespace = regexp.MustCompile(`namespace\s*=\s*['"](/[^'"]*)['"]`)
)

func (d *Detector) python(f *detector.File, out *detector.Sink) {
	vars := map[string]string{}
	for _, m := range pySocketVar.FindAllSubmatch(f.Data, -1) {
		fw := "python-socketio"
		if string(m[2]) == "SocketIO" {
			fw = "flask-socketio"
		}
		vars[string(m[1])] = fw
	}
	if len(vars) == 0 {
		return
	}
	src := string(f.Data)
	for _, m := range pyDecorator.FindAllStringSubmatchIndex(src, -1) {
		fw, ok := vars[src[m[4]:m[5]]]
		if !ok {
			continue
		}
		event := src[m[10]:m[11]] // @sio.event: the function's name
		if m[8] >= 0 {
			event = src[m[8]:m[9]]
		}
		if lifecycle[event] {
			continue
		}
		if m[6] >= 0 && src[m[6]:m[7]] == "on" && m[8] < 0 {
			continue // @sio.on without a literal event
		}
		if ns := pyNamespace.FindStringSubmatch(src[m[0]:m[10]]); ns != nil && ns[1] != "/" {
			event = ns[1] + ":" + event
		}
		line := 1 + strings.Count(src[:m[10]], "\n")
		body := pyBody(src, m[10])
		emit(out, fw, "/socket.io", event, f.Path, line, line+strings.Count(body, "\n"), body)
	}
}

// pyBody is a function from its def line to the next line indented no
// deeper than the decorator's.
func pyBody(src string, at int) string {
	start := strings.LastIndexByte(src[:at], '\n') + 1
	indent := len(src[start:at]) - len(strings.TrimLeft(src[start:at], " \t"))
	end := len(src)
	pos := strings.IndexByte(src[at:], '\n')
	for pos >= 0 {
		i := at + pos + 1
		if i >= len(src) {
			break
		}
		nl := strings.IndexByte(src[i:], '\n')
		line := src[i:]
		if nl >= 0 {
			line = src[i : i+nl]
		}
		if trimmed := strings.TrimLeft(line, " \t"); trimmed != "" && len(line)-len(trimmed) <= indent && !strings.HasPrefix(trimmed, "#") {
			end = i
			break
		}
		if nl < 0 {
			break
		}
		pos = i + nl - at
	}
	return src[start:end]
}
