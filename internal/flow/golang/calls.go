package golang

import (
	goroute "github.com/threatmap/threatmap/internal/detector/route/golang"
	"go/ast"
	"go/token"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/flow"
)

// call lowers a call: a request read, a sink, a function that passes its
// arguments on or cleans them, or a function of the repository (resolved
// here, summarised by the core).
func (l *lowerer) call(c *ast.CallExpr) flow.Expr {
	switch fun := unparen(c.Fun).(type) {
	case *ast.ArrayType: // []byte(s)
		return l.args(c)[0:1][0]
	case *ast.FuncLit:
		l.expr(fun)
		l.args(c)
		return flow.Expr{}
	case *ast.Ident:
		args := l.args(c)
		switch fun.Name {
		case "string":
			if len(args) == 1 {
				return args[0]
			}
			return flow.Expr{}
		case "append":
			var out flow.Expr
			for _, a := range args {
				out = join(out, a)
			}
			return out
		case "len", "cap", "int", "int64", "int32", "uint", "uint64", "float64", "bool", "new", "make", "panic",
			"print", "println", "copy", "delete", "min", "max", "clear", "close", "recover":
			return flow.Expr{}
		}
		callees := l.callees(c)
		if len(callees) == 0 {
			return flow.Expr{}
		}
		return l.callOp(c, flow.Callee{Name: fun.Name}, args, callees, nil, nil)
	case *ast.SelectorExpr:
		if ip, ok := l.importOf(fun.X); ok {
			return l.pkgCall(c, ip, fun.Sel.Name)
		}
		if k := l.reqOf(fun.X); k != reqNone {
			return l.reqCall(c, k, fun.Sel.Name)
		}
		return l.methodCall(c, fun)
	}
	l.args(c)
	return flow.Expr{}
}

// args lowers a call's arguments, never fewer than one (an empty one).
func (l *lowerer) args(c *ast.CallExpr) []flow.Expr {
	out := make([]flow.Expr, 0, len(c.Args)+1)
	for _, a := range c.Args {
		out = append(out, l.expr(a))
	}
	if len(out) == 0 {
		out = append(out, flow.Expr{})
	}
	return out[:max(len(c.Args), 1)]
}

// callOp emits a call operation.
func (l *lowerer) callOp(c *ast.CallExpr, callee flow.Callee, args []flow.Expr, callees []*fn, sinks []flow.SinkUse, clears []string) flow.Expr {
	note := l.text(c)
	if len(callees) > 0 {
		note = "passed to " + l.text(c.Fun) + "()"
	}
	if len(args) > len(c.Args) {
		args = args[:len(c.Args)] // args gives an empty one for a call without
	}
	res := l.op(flow.Op{Kind: flow.Call, Line: l.line(c), Callee: callee, Args: args, Sinks: sinks, Clears: clears, Note: note})
	if len(callees) > 0 {
		l.calls[len(l.fn.Ops)-1] = callees
	}
	return res
}

// ownHostURL: a URL built as a scheme and the request's own Host
// ("https://"+r.Host+r.RequestURI, an upgrade to HTTPS). The browser that
// followed a link set that Host to the site the link named, so a redirect
// there stays on this site: only a query value or a field can send a
// victim elsewhere.
func (l *lowerer) ownHostURL(e ast.Expr) bool {
	var parts []ast.Expr
	var flat func(ast.Expr)
	flat = func(e ast.Expr) {
		if b, ok := unparen(e).(*ast.BinaryExpr); ok && b.Op == token.ADD {
			flat(b.X)
			flat(b.Y)
			return
		}
		parts = append(parts, unparen(e))
	}
	flat(e)
	if len(parts) < 2 {
		return false
	}
	if lead, ok := stringLit(parts[0]); !ok || !strings.HasSuffix(lead, "://") {
		return false
	}
	sel, ok := parts[1].(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Host" && l.reqOf(sel.X) == reqHTTP
}

func use(s *flow.Sink, args ...int) []flow.SinkUse {
	return []flow.SinkUse{{Sink: s, Args: args}}
}

// pkgCall is a call of an imported package's function.
func (l *lowerer) pkgCall(c *ast.CallExpr, ip, name string) flow.Expr {
	if rd, ok := funcReads[ip][name]; ok && len(c.Args) > 0 && l.reqOf(c.Args[0]) != reqNone {
		l.args(c)
		return l.read(rd, c, name)
	}
	args := l.args(c)
	callee := flow.Callee{Name: goroute.DefaultName(ip) + "." + name}
	if ip == "os/exec" && (name == "Command" || name == "CommandContext") {
		return l.callOp(c, callee, args, nil, l.command(c, name == "CommandContext"), nil)
	}
	if s, ok := funcSinks[ip][name]; ok {
		if s.s == flow.SinkRedirect && s.arg < len(c.Args) && l.ownHostURL(c.Args[s.arg]) {
			return l.callOp(c, callee, args, nil, nil, nil)
		}
		res := l.callOp(c, callee, args, nil, use(s.s, s.arg), nil)
		if s.s.Kind == flow.XSS {
			return res // template.HTML(x) is x
		}
		return flow.Expr{}
	}
	switch ip + "." + name {
	case "fmt.Sprintf", "fmt.Sprint", "fmt.Sprintln", "fmt.Errorf":
		return formatted(c.Args, args[:len(c.Args)], name != "Sprint" && name != "Sprintln")
	case "fmt.Fprintf", "fmt.Fprint", "fmt.Fprintln", "io.WriteString":
		if len(c.Args) < 2 || !l.isWriter(c.Args[0]) {
			return flow.Expr{}
		}
		idx := make([]int, 0, len(c.Args)-1)
		for i := 1; i < len(c.Args); i++ {
			idx = append(idx, i)
		}
		s := l.textSink(c.Args[0])
		if format, _ := stringLit(c.Args[1]); htmlText.MatchString(format) || l.htmlWriter(c.Args[0]) {
			s = flow.SinkHTML
		}
		if s != flow.SinkHTML {
			// The text written is the format and its values together.
			var all flow.Expr
			if name == "Fprintf" {
				all = formatted(c.Args[1:], args[1:len(c.Args)], true)
			} else {
				for _, a := range args[1:len(c.Args)] {
					all = concat(all, a)
				}
			}
			return l.callOp(c, callee, []flow.Expr{all}, nil, use(s, 0), nil)
		}
		return l.callOp(c, callee, args, nil, use(s, idx...), nil)
	case "encoding/json.Unmarshal", "encoding/xml.Unmarshal", "gopkg.in/yaml.v3.Unmarshal", "gopkg.in/yaml.v2.Unmarshal", "github.com/goccy/go-json.Unmarshal":
		if len(c.Args) > 1 {
			l.bind(c.Args[1], args[0], c)
		}
		return flow.Expr{}
	case "path/filepath.Base", "path.Base":
		return l.callOp(c, callee, args, nil, nil, []string{flow.PathTraversal})
	}
	if escapers[ip][name] {
		return l.callOp(c, callee, args, nil, nil, []string{flow.XSS})
	}
	if cleaning[ip][name] {
		return l.callOp(c, callee, args, nil, nil, []string{flow.CleanAll})
	}
	if passing[ip] {
		return l.callOp(c, callee, args, nil, nil, nil)
	}
	if l.a.m.resolveImport(ip) != "" {
		if callees := l.callees(c); len(callees) > 0 {
			return l.callOp(c, callee, args, callees, nil, nil)
		}
	}
	// A library's function: what it returns is its own, not the
	// request's (a hash, a token, a row).
	return flow.Expr{}
}

// command is exec.Command: a shell given a command line built from
// request data, or a program chosen by it. Arguments of a fixed program
// are not a command injection.
func (l *lowerer) command(c *ast.CallExpr, ctx bool) []flow.SinkUse {
	first := 0
	if ctx {
		first = 1
	}
	if len(c.Args) <= first {
		return nil
	}
	prog, isLit := stringLit(c.Args[first])
	if !isLit {
		return use(sinkCommand, first)
	}
	switch progName(prog) {
	case "sh", "bash", "zsh", "dash", "ash", "ksh", "cmd", "cmd.exe", "powershell", "pwsh":
		if len(c.Args) > first+2 {
			if flag, _ := stringLit(c.Args[first+1]); flag == "-c" || flag == "/c" || flag == "/C" || flag == "-Command" {
				var idx []int
				for i := first + 2; i < len(c.Args); i++ {
					idx = append(idx, i)
				}
				return use(flow.SinkShell, idx...)
			}
		}
	}
	return nil
}

func progName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

// isWriter says an expression is the response: a handler's
// http.ResponseWriter, gin's c.Writer, echo's c.Response().
func (l *lowerer) isWriter(e ast.Expr) bool {
	switch e := unparen(e).(type) {
	case *ast.Ident:
		return l.reqs[e.Name] == reqWriter
	case *ast.SelectorExpr:
		return e.Sel.Name == "Writer" && l.reqOf(e.X) == reqGin
	case *ast.CallExpr:
		if sel, ok := e.Fun.(*ast.SelectorExpr); ok {
			return sel.Sel.Name == "Response" && l.reqOf(sel.X) == reqEcho
		}
	}
	return false
}

// formatted is the text fmt builds from its arguments (the values as
// lowered), the format's literal text around them when it has one: what
// comes before its first verb leads the text.
func formatted(exprs []ast.Expr, vals []flow.Expr, format bool) flow.Expr {
	var out flow.Expr
	for i, a := range vals {
		if i == 0 && format {
			if f, ok := stringLit(exprs[0]); ok {
				out.Text = f
				out.Lead = f
				if j := strings.IndexByte(f, '%'); j >= 0 {
					out.Lead = f[:j]
				}
			}
			out.Refs = append(out.Refs, a.Refs...)
			continue
		}
		out.Refs = append(out.Refs, a.Refs...)
		out.Text += a.Text
	}
	out.Built = !out.Empty()
	return out
}

// textSink is the sink of text written to a response: one whose content
// type the handler never set is typed by the browser's sniffing of its
// first bytes, so text that starts with the caller's value is HTML when
// the caller says so (sinkSniffed).
func (l *lowerer) textSink(w ast.Expr) *flow.Sink {
	if id := rootIdent(w); id != nil && l.typed[id.Name] {
		return sinkHTMLText
	}
	return sinkSniffed
}

func (l *lowerer) htmlWriter(e ast.Expr) bool {
	if id := rootIdent(e); id != nil {
		return l.html[id.Name]
	}
	return false
}

// bind is a decoder filling a variable with request data: the variable
// holds it whole.
func (l *lowerer) bind(target ast.Expr, from flow.Expr, at ast.Node) {
	id := rootIdent(target)
	if id == nil || id.Name == "_" || from.Empty() {
		return
	}
	note := l.text(at)
	src := flow.Expr{Refs: make([]flow.Ref, len(from.Refs))}
	for i, r := range from.Refs {
		if r.Source != "" && r.Note == "" {
			r.Line, r.Note = l.line(at), note
		}
		src.Refs[i] = r
	}
	l.op(flow.Op{Kind: flow.Assign, Line: l.line(at), Dst: id.Name, Src: src, Note: note})
}

// reqCall is a method of a request, a response writer or a framework
// context: a read of request data, or one of the context's sinks.
func (l *lowerer) reqCall(c *ast.CallExpr, k reqKind, name string) flow.Expr {
	if rd, ok := methodReads[k][name]; ok {
		l.args(c)
		switch {
		case rd.req != reqNone:
			return flow.Expr{}
		case rd.bind:
			if len(c.Args) > 0 {
				l.bind(c.Args[0], flow.Expr{Refs: []flow.Ref{{Source: rd.src, Line: l.line(c), Note: l.text(c)}}}, c)
			}
			return flow.Expr{}
		}
		return l.read(rd, c, name)
	}
	args := l.args(c)
	callee := flow.Callee{Name: name, Recv: l.text(c.Fun.(*ast.SelectorExpr).X)}
	var sinks []flow.SinkUse
	switch k {
	case reqWriter:
		if name == "Write" || name == "WriteString" {
			sinks = use(l.textSink(c.Fun.(*ast.SelectorExpr).X), 0)
			if l.htmlWriter(c.Fun.(*ast.SelectorExpr).X) {
				sinks = use(flow.SinkHTML, 0)
			}
		}
	case reqGin:
		switch name {
		case "Redirect":
			sinks = use(flow.SinkRedirect, 1)
		case "File", "FileAttachment":
			sinks = use(flow.SinkFile, 0)
		case "Data":
			if len(c.Args) > 1 {
				if ct, _ := stringLit(c.Args[1]); strings.Contains(ct, "html") {
					sinks = use(flow.SinkHTML, 2)
				}
			}
		}
	case reqEcho:
		switch name {
		case "Redirect":
			sinks = use(flow.SinkRedirect, 1)
		case "File", "Attachment", "Inline":
			sinks = use(flow.SinkFile, 0)
		case "HTML", "HTMLBlob":
			sinks = use(flow.SinkHTML, 1)
		}
	case reqFiber:
		switch name {
		case "Redirect":
			sinks = use(flow.SinkRedirect, 0)
		case "SendFile", "Download":
			sinks = use(flow.SinkFile, 0)
		}
	}
	if sinks == nil {
		return flow.Expr{}
	}
	l.callOp(c, callee, args, nil, sinks, nil)
	return flow.Expr{}
}

// methodCall is a method of anything else: a database, a collection, a
// template, an HTTP client, a decoder, a type of the repository, or
// request data itself (u.String(), q.Get("k")).
func (l *lowerer) methodCall(c *ast.CallExpr, sel *ast.SelectorExpr) flow.Expr {
	name := sel.Sel.Name
	// r.URL.Query(): the query string, parsed.
	if name == "Query" && len(c.Args) == 0 {
		if x, ok := unparen(sel.X).(*ast.SelectorExpr); ok && x.Sel.Name == "URL" && l.reqOf(x.X) == reqHTTP {
			return l.read(read{src: facts.SourceQuery, shape: shapeObj}, c, name)
		}
	}
	// r.Header.Get("X"), r.Form.Get("k"): one value of a request part,
	// read where the whole call says so.
	if x, ok := unparen(sel.X).(*ast.SelectorExpr); ok && len(c.Args) <= 1 {
		if k := l.reqOf(x.X); k != reqNone {
			if rd, ok := fieldReads[k][x.Sel.Name]; ok && rd.req == reqNone && rd.shape == shapeObj && (name == "Get" || name == "Values" || name == "Cookie") {
				l.args(c)
				r := flow.Ref{Source: rd.src, Path: "." + x.Sel.Name + "." + name + "()", Line: l.line(c), Note: l.text(c) + " read"}
				return flow.Expr{Refs: []flow.Ref{r}}
			}
		}
	}
	recv := l.expr(sel.X)
	args := l.args(c)
	callee := flow.Callee{Name: name, Recv: l.text(sel.X), RecvExpr: &recv}
	// w.Header().Set("Content-Type", "text/html"): the handler writes HTML.
	if (name == "Set" || name == "Add") && len(c.Args) == 2 {
		if k, _ := stringLit(c.Args[0]); strings.EqualFold(k, "Content-Type") {
			if id := rootIdent(sel.X); id != nil {
				l.typed[id.Name] = true
				if v, _ := stringLit(c.Args[1]); strings.Contains(v, "html") {
					l.html[id.Name] = true
				}
			}
		}
	}
	if l.encoderMethod(sel.X, name) {
		// A feed or XML document serialised by its library: the values
		// in it come out escaped for XML.
		return l.callOp(c, callee, []flow.Expr{recv}, nil, nil, []string{flow.XSS})
	}
	var sinks []flow.SinkUse
	switch {
	case name == "Decode" && len(c.Args) == 1 && !recv.Empty():
		l.bind(c.Args[0], recv, c)
		return flow.Expr{}
	case name == "Scan" && len(c.Args) > 0 && (l.importsSQL() || l.sqlReceiver(sel.X)) && l.sqlRows(sel.X):
		// rows.Scan(&a, &b): each target holds a column of a stored
		// record, what users saved earlier, which only a sink writing
		// it into a page as HTML takes (stored XSS).
		stored := flow.Expr{Refs: []flow.Ref{{Source: facts.SourceStored}}}
		for _, a := range c.Args {
			if u, ok := unparen(a).(*ast.UnaryExpr); ok && u.Op == token.AND && !l.scalarVar(u.X) {
				l.bind(u.X, stored, c)
			}
		}
		return flow.Expr{}
	case (sqlMethods[name] || sqlClauses[name] || sqlxDest[name]) && !l.preparedStmt(sel.X):
		sqlLib := l.importsSQL() || l.sqlReceiver(sel.X)
		if !sqlLib && !sqlMethods[name] {
			break
		}
		qi := 0
		if len(c.Args) > 1 && l.isContext(c.Args[0]) {
			qi = 1
		}
		if qi < len(c.Args) && qi < len(args) {
			args[qi] = boundBuilder(c, qi, args[qi])
		}
		switch {
		case sqlxDest[name]:
			sinks = use(flow.SinkSQL, qi+1)
		case sqlClauses[name]:
			if len(c.Args) > qi {
				if _, lit := unparen(c.Args[qi]).(*ast.CompositeLit); !lit && !l.boundCondition(c.Args[qi]) {
					sinks = use(sinkSQLClause, qi)
				}
			}
		case sqlLib:
			sinks = use(flow.SinkRawSQL, qi)
		default:
			// A Query or Exec of a type the code does not show (a
			// local interface): SQL only when the text reads as SQL.
			sinks = use(flow.SinkSQL, qi)
		}
	case mongoFilter[name] > 0 && l.importsMongo():
		fi := mongoFilter[name]
		if len(c.Args) > 0 && !l.isContext(c.Args[0]) {
			fi-- // mgo: no context first
		}
		sinks = []flow.SinkUse{{Sink: sinkMongoFilter, Args: []int{fi}}, {Sink: flow.SinkWhere, Args: []int{fi}}}
	case saves[name] && len(c.Args) >= 1 && l.privilegedArg(c.Args[0]):
		sinks = use(sinkModelSaved, 0)
	case name == "Parse" && l.templatePkg(sel.X) != "":
		sinks = use(flow.SinkTemplateJS, 0)
	case (name == "Execute" || name == "ExecuteTemplate") && len(c.Args) > 1 && l.isWriter(c.Args[0]) && l.templatePkg(sel.X) == "text/template":
		sinks = use(flow.SinkHTML, len(c.Args)-1)
	case (name == "Get" || name == "Post" || name == "Head" || name == "PostForm") && l.isHTTPClient(sel.X):
		sinks = use(flow.SinkFetch, 0)
	}
	if sinks != nil {
		return l.callOp(c, callee, args, nil, sinks, nil)
	}
	// A prepared statement's methods are the driver's, whatever the
	// repository names its own (a wrapper's ExecContext(ctx, query,
	// args...)): what they are given is bound.
	if l.preparedStmt(sel.X) {
		return flow.Expr{}
	}
	if callees := l.callees(c); len(callees) > 0 {
		return l.callOp(c, callee, args, callees, nil, nil)
	}
	// A builder or a set of values written with request data holds it.
	switch name {
	case "WriteString", "Write", "WriteByte", "WriteRune", "Set", "Add", "Append":
		if id := rootIdent(sel.X); id != nil && l.reqs[id.Name] == reqNone {
			var v flow.Expr
			for _, a := range args[:len(c.Args)] {
				v = join(v, a)
			}
			if !v.Empty() {
				l.op(flow.Op{Kind: flow.Mutate, Line: l.line(c), Dst: id.Name, Src: v})
			}
		}
		return flow.Expr{}
	}
	if recv.Empty() {
		return flow.Expr{}
	}
	// A method of request data returns request data: the core reads it
	// through the call (q.Get("k"), u.String()).
	return l.callOp(c, callee, args, nil, nil, nil)
}

// isContext says an argument is a context.Context: ctx, r.Context(),
// context.Background().
func (l *lowerer) isContext(e ast.Expr) bool {
	switch e := unparen(e).(type) {
	case *ast.Ident:
		if strings.HasSuffix(strings.ToLower(e.Name), "ctx") {
			return true
		}
		if tr, ok := l.types[e.Name]; ok {
			if sel, ok := tr.expr.(*ast.SelectorExpr); ok && sel.Sel.Name == "Context" {
				return true
			}
		}
	case *ast.CallExpr:
		if sel, ok := e.Fun.(*ast.SelectorExpr); ok {
			if ip, ok := l.importOf(sel.X); ok && ip == "context" {
				return true
			}
			return sel.Sel.Name == "Context" || sel.Sel.Name == "UserContext" || sel.Sel.Name == "TODO"
		}
	case *ast.SelectorExpr:
		return strings.HasSuffix(strings.ToLower(e.Sel.Name), "ctx")
	}
	return false
}

// preparedStmt says a receiver is a prepared statement (stmt, _ :=
// db.Prepare(q), or a *sql.Stmt): its arguments are bound values.
func (l *lowerer) preparedStmt(e ast.Expr) bool {
	if id, ok := unparen(e).(*ast.Ident); ok && l.stmts[id.Name] {
		return true
	}
	if tr, ok := l.exprType(e); ok {
		if sel, ok := deref(tr.expr).(*ast.SelectorExpr); ok && sel.Sel.Name == "Stmt" {
			return true
		}
	}
	return false
}

// sqlRows says a receiver is a query's rows: a *sql.Rows or *sql.Row
// (by its declared type), or a local assigned a Query's result.
func (l *lowerer) sqlRows(e ast.Expr) bool {
	if tr, ok := l.exprType(e); ok {
		if sel, ok := deref(tr.expr).(*ast.SelectorExpr); ok {
			return sel.Sel.Name == "Rows" || sel.Sel.Name == "Row"
		}
	}
	switch x := unparen(e).(type) {
	case *ast.Ident:
		return l.rows[x.Name]
	case *ast.CallExpr:
		// db.QueryRow(q, id).Scan(&name)
		if sel, ok := x.Fun.(*ast.SelectorExpr); ok {
			return queryRows[sel.Sel.Name]
		}
	}
	return false
}

// scalarVar says a variable is declared a number or a bool: nothing
// scanned into it is markup.
func (l *lowerer) scalarVar(e ast.Expr) bool {
	tr, ok := l.exprType(e)
	if !ok {
		return false
	}
	id, ok := tr.expr.(*ast.Ident)
	return ok && scalarTypes[id.Name]
}

// importsSQL says the file uses a SQL database library: Query and Exec
// there are statements.
func (l *lowerer) importsSQL() bool {
	for _, ip := range l.f.imports {
		if isSQLLib(ip) {
			return true
		}
	}
	return false
}

// sqlReceiver says a receiver's declared type is a SQL library's (a
// struct field db *sql.DB declared in another file).
func (l *lowerer) sqlReceiver(e ast.Expr) bool {
	tr, ok := l.exprType(e)
	if !ok {
		return false
	}
	if sel, ok := deref(tr.expr).(*ast.SelectorExpr); ok {
		if id, ok := sel.X.(*ast.Ident); ok {
			return isSQLLib(tr.f.imports[id.Name])
		}
	}
	return false
}

func isSQLLib(ip string) bool {
	switch {
	case ip == "database/sql", strings.Contains(ip, "sqlx"), strings.Contains(ip, "gorm"), strings.Contains(ip, "pgx"),
		strings.Contains(ip, "go-sql-driver"), strings.Contains(ip, "lib/pq"), strings.Contains(ip, "sqlite"),
		strings.Contains(ip, "uptrace/bun"), strings.Contains(ip, "xorm"), strings.Contains(ip, "squirrel"), strings.Contains(ip, "go-pg"):
		return true
	}
	return false
}

func (l *lowerer) importsMongo() bool {
	for _, ip := range l.f.imports {
		if strings.Contains(ip, "mongo-driver") || strings.Contains(ip, "mgo") || strings.Contains(ip, "qmgo") {
			return true
		}
	}
	return false
}

// isHTTPClient says a receiver is an *http.Client: http.DefaultClient,
// or a variable or field declared or made as one.
func (l *lowerer) isHTTPClient(e ast.Expr) bool {
	if sel, ok := unparen(e).(*ast.SelectorExpr); ok {
		if ip, ok := l.importOf(sel.X); ok {
			return ip == "net/http" && sel.Sel.Name == "DefaultClient"
		}
	}
	tr, ok := l.exprType(e)
	if !ok {
		return false
	}
	sel, ok := deref(tr.expr).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Client" {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	return ok && tr.f.imports[id.Name] == "net/http"
}

// privilegedArg says a value saved is a model of the repository with a
// field a caller must not set (that its decoder would fill), or a map of
// any values: saved whole from the body, the caller sets those too.
func (l *lowerer) privilegedArg(e ast.Expr) bool {
	id := rootIdent(e)
	if id == nil {
		return false
	}
	if _, isField := unparen(e).(*ast.SelectorExpr); isField {
		return false
	}
	tr, ok := l.types[id.Name]
	if !ok {
		return false
	}
	if mapOfAny(tr) {
		return true
	}
	st, _ := l.a.structOf(tr)
	if st == nil {
		return false
	}
	for _, fl := range st.Fields.List {
		if fl.Tag != nil && (strings.Contains(fl.Tag.Value, `json:"-"`) || strings.Contains(fl.Tag.Value, `form:"-"`)) {
			continue
		}
		for _, n := range fl.Names {
			if n.IsExported() && flow.PrivilegedField(n.Name) {
				return true
			}
		}
	}
	return false
}

// boundBuilder is the SQL text argument qi of c less the fields of an
// object whose other fields are the call's bound values: a builder's
// text (q.Updates, "name = ?, email = ?") beside its values (q.Params...)
// holds placeholders, the values it was given go bound.
func boundBuilder(c *ast.CallExpr, qi int, text flow.Expr) flow.Expr {
	bound := map[string]bool{}
	for _, a := range c.Args[qi+1:] {
		if sel, ok := unparen(a).(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				bound[id.Name] = true
			}
		}
	}
	if len(bound) == 0 {
		return text
	}
	refs := text.Refs[:0:0]
	for _, r := range text.Refs {
		if bound[r.Var] && strings.HasPrefix(r.Path, ".") {
			continue
		}
		refs = append(refs, r)
	}
	text.Refs = refs
	return text
}

// encoderMethod says recv.name() serialises a document of a library that
// escapes what it holds (a feed's ToRss): recv is a local made as one of
// the library's types.
func (l *lowerer) encoderMethod(recv ast.Expr, name string) bool {
	id, ok := unparen(recv).(*ast.Ident)
	if !ok {
		return false
	}
	tr, ok := l.types[id.Name]
	if !ok || tr.f == nil {
		return false
	}
	sel, ok := deref(tr.expr).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	pk, ok := sel.X.(*ast.Ident)
	if !ok {
		return false
	}
	return encoders[tr.f.imports[pk.Name]][name]
}

// boundCondition reports a clause argument whose declared type is a
// struct or a map (a Target parameter, a map[string]any local): gorm
// binds each of its values, whatever the request put in them; only text
// is pasted into the SQL.
func (l *lowerer) boundCondition(e ast.Expr) bool {
	tr, ok := l.exprType(e)
	if !ok {
		return false
	}
	t := tr.expr
	for {
		st, ok := t.(*ast.StarExpr)
		if !ok {
			break
		}
		t = st.X
	}
	switch t.(type) {
	case *ast.MapType, *ast.StructType:
		return true
	}
	st, _ := l.a.structOf(typeRef{tr.f, t})
	return st != nil
}
