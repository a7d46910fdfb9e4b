package flow

import (
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/syntax"
)

// JavaScript and TypeScript: the tree-sitter grammars' node types.
var jsGrammar = &Grammar{
	Functions: map[string]bool{"function_declaration": true, "generator_function_declaration": true, "function_expression": true,
		"function": true, "arrow_function": true, "method_definition": true, "generator_function": true},
	FuncName: "name", FuncParams: "parameters", FuncBody: "body", FuncParam: "parameter",
	Call: []string{"call_expression", "new_expression"}, CallFunc: "function", NewFunc: "constructor", CallArgs: "arguments",
	Member: "member_expression", MemberObj: "object", MemberProp: "property",
	Index: "subscript_expression", IndexObj: "object", IndexKey: "index",
	Ident:    []string{"identifier", "this", "shorthand_property_identifier"},
	Strings:  []string{"string"},
	Template: "template_string", Subst: "template_substitution",
	Binary: "binary_expression", BinOp: "operator", Concat: []string{"+"},
	Ternary: "ternary_expression",
	Object:  "object", Pair: "pair", PairValue: "value", Spread: "spread_element",
	Array:      []string{"array"},
	Await:      []string{"await_expression", "parenthesized_expression", "as_expression", "non_null_expression", "satisfies_expression", "type_assertion"},
	Declarator: "variable_declarator", DeclName: "name", DeclValue: "value",
	Assign: []string{"assignment_expression"}, AugAssign: "augmented_assignment_expression", AssignLeft: "left", AssignRight: "right",
	Return: "return_statement", If: "if_statement", IfCond: "condition", Exits: []string{"return_statement", "throw_statement"},
	ObjectPattern: "object_pattern", ArrayPattern: "array_pattern",
}

// JS is the JavaScript/TypeScript frontend.
var JS = &Language{Grammar: jsGrammar, Params: jsParams, Call: jsCall, Pattern: jsPattern, Check: jsCheck, MemberSink: jsMemberSink}

// jsSink is one sink of the JavaScript vocabulary: a call by name,
// from a module (the callee's import, or its receiver's), reading some
// arguments.
type jsSink struct {
	Sink *Sink
	// Names the callee may have: a function or a method.
	Names []string
	// Modules, if set: the callee, or the object it is called on, is
	// imported from one of these.
	Modules []string
	// OnParam: the object it is called on is a parameter of a function
	// (the handler's res, reply, ctx), not a module.
	OnParam bool
	// Args read; -1 the last one.
	Args []int
	// Unless, if it matches the call's text, the call is not the sink
	// (res.sendFile with a root option, an XML parser without noent).
	Unless *regexp.Regexp
	// Only, if set, must match the call's text.
	Only *regexp.Regexp
	// New: only as a constructor (new Function(x)).
	New bool
	// MinArgs: only with this many arguments (a collection's
	// update(filter, doc), not a record's update(values)).
	MinArgs int
}

var (
	// SinkYAML is js-yaml's load: unsafe in js-yaml 3 only, which the
	// detector knows from package.json.
	SinkYAML = &Sink{Kind: UnsafeDeserialization, Name: "YAML loaded with types"}
	// sinkFilterJS: in JavaScript a NoSQL filter is an object literal
	// holding the raw value; a value passed as it is is as often a hash's
	// or a record's input.
	sinkFilterJS = &Sink{Kind: NoSQLInjection, Name: "query filter", Shape: filter, From: rawValue}
	sinkHTMLJS   = &Sink{Kind: XSS, Name: "HTML response", From: notWhole, Shape: func(v Value) bool { return !v.Object }}
)

// shellSpawn: a process started through a shell (shell: true, or
// sh -c), which reads its arguments as a command line.
var shellSpawn = regexp.MustCompile(`shell\s*:\s*true|['"](?:ba|z)?sh['"]\s*,\s*\[\s*['"]-c['"]`)

// JSSinks is the JavaScript sink vocabulary, in one place.
var JSSinks = []jsSink{
	{Sink: SinkShell, Names: []string{"exec", "execSync"}, Modules: []string{"child_process", "node:child_process", "shelljs", "child-process-promise"}, Args: []int{0}},
	{Sink: SinkShell, Names: []string{"spawn", "spawnSync", "execFile", "execFileSync"}, Modules: []string{"child_process", "node:child_process"}, Args: []int{0, 1}, Only: shellSpawn},
	// Without a shell the arguments are only arguments; the program is
	// still what runs.
	{Sink: SinkProgram, Names: []string{"spawn", "spawnSync", "execFile", "execFileSync"}, Modules: []string{"child_process", "node:child_process"}, Args: []int{0}, Unless: shellSpawn},
	{Sink: SinkShell, Names: []string{"command", "commandSync", "execaCommand", "execaCommandSync"}, Modules: []string{"execa"}, Args: []int{0}},
	{Sink: SinkEval, Names: []string{"eval"}, Args: []int{0}},
	{Sink: SinkEval, Names: []string{"Function"}, Args: []int{-2}},
	{Sink: SinkTimerEval, Names: []string{"setTimeout", "setInterval"}, Args: []int{0}},
	{Sink: SinkEval, Names: []string{"runInNewContext", "runInThisContext", "runInContext", "compileFunction", "Script"}, Modules: []string{"vm", "node:vm", "vm2"}, Args: []int{0}},
	{Sink: SinkEval, Names: []string{"run"}, Modules: []string{"vm2"}, Args: []int{0}},
	{Sink: SinkSQL, Names: []string{"query", "execute", "exec", "run", "all", "get", "each", "prepare", "none", "one", "oneOrNone", "many", "manyOrNone", "any", "result", "raw", "whereRaw", "orderByRaw", "havingRaw", "joinRaw", "fromRaw", "literal", "unsafe", "$queryRawUnsafe", "$executeRawUnsafe", "sql"}, Args: []int{0}},
	{Sink: SinkRawSQL, Names: []string{"$queryRawUnsafe", "$executeRawUnsafe", "whereRaw", "unsafe"}, Args: []int{0}},
	{Sink: SinkSQLFragment, Names: []string{"literal"}, Modules: []string{"sequelize", "@sequelize/core"}, Args: []int{0}},
	// An ORM's connection (MikroORM's em.getConnection(), TypeORM's
	// getConnection()) runs the SQL text it is handed: a statement the
	// request sends whole is as dangerous as one built from it.
	{Sink: SinkRawSQL, Names: []string{"execute", "query"}, Args: []int{0}, Only: regexp.MustCompile(`^[^(]*\bgetConnection\(\s*\)\s*\.\s*(?:execute|query)\s*\(`)},
	// Sequelize's update(values, { where }) takes the values first: its
	// filter is the where clause, which takes no operators from strings.
	{Sink: sinkFilterJS, Names: []string{"update", "updateOne", "updateMany", "findOneAndUpdate", "replaceOne"}, Args: []int{0}, MinArgs: 2,
		Unless: regexp.MustCompile(`^[^(]*\(\s*\{\s*(?:where|include|attributes|order|limit)\s*:|[}\w)\]]\s*,\s*\{\s*where\s*:`)},
	{Sink: sinkFilterJS, Names: []string{"find", "findOne", "findOneAndDelete", "findOneAndRemove", "findOneAndReplace", "deleteOne", "deleteMany", "remove", "count", "countDocuments", "exists", "where", "findAsync", "findOneAsync", "countAsync", "removeAsync", "updateAsync"}, Args: []int{0},
		// An SQL ORM's filter ({ where: ... }) takes no operators from strings.
		Unless: regexp.MustCompile(`^[^(]*\(\s*\{\s*(?:where|include|attributes|order|limit)\s*:`)},
	{Sink: SinkWhere, Names: []string{"find", "findOne", "where", "findAsync", "findOneAsync", "aggregate", "count", "countDocuments"}, Args: []int{0}},
	{Sink: SinkMassAssign, Names: []string{"create", "insertMany", "insert", "insertOne", "build", "upsert", "bulkCreate", "save", "set", "merge", "createQueryBuilder"}, Args: []int{0}},
	{Sink: SinkMassAssign, Names: []string{"update", "updateOne", "updateMany", "findByIdAndUpdate", "findOneAndUpdate", "updateAttributes"}, Args: []int{0, 1}},
	{Sink: SinkMassAssign, Names: []string{"assign", "merge", "extend", "defaults", "defaultsDeep", "mergeWith"}, Args: []int{1, 2}},
	{Sink: SinkFetch, Names: []string{"fetch"}, Args: []int{0}},
	{Sink: SinkFetch, Names: []string{"axios", "get", "post", "put", "patch", "delete", "head", "request", "default"}, Modules: []string{"axios", "got", "needle", "node-fetch", "request", "request-promise", "superagent", "undici", "http", "https", "node:http", "node:https", "cross-fetch", "isomorphic-fetch", "ky"}, Args: []int{0}},
	{Sink: SinkFetch, Names: []string{"got", "needle", "request", "superagent", "ky", "fetch"}, Modules: []string{"got", "needle", "request", "request-promise", "superagent", "ky", "node-fetch", "cross-fetch", "undici"}, Args: []int{0}},
	{Sink: SinkRedirect, Names: []string{"redirect"}, Args: []int{-1}},
	{Sink: SinkRedirect, Names: []string{"location"}, OnParam: true, Args: []int{0}},
	{Sink: SinkRedirect, Names: []string{"setHeader", "header", "set"}, OnParam: true, Args: []int{1}, Only: regexp.MustCompile(`^[^(]*\(\s*['"][Ll]ocation['"]`)},
	{Sink: SinkRedirect, Names: []string{"writeHead"}, OnParam: true, Args: []int{1}, Only: regexp.MustCompile(`[Ll]ocation`)},
	{Sink: SinkFile, Names: []string{"sendFile", "download", "sendfile"}, OnParam: true, Args: []int{0}, Unless: regexp.MustCompile(`\broot\s*:`)},
	{Sink: SinkFile, Names: []string{"readFile", "readFileSync", "createReadStream", "writeFile", "writeFileSync", "appendFile", "appendFileSync", "unlink", "unlinkSync", "rm", "rmSync", "open", "openSync", "createWriteStream", "readdir", "readdirSync", "copyFile", "rename", "outputFile", "readJson", "readJSON", "remove"}, Modules: []string{"fs", "node:fs", "fs/promises", "node:fs/promises", "fs-extra", "graceful-fs"}, Args: []int{0}},
	{Sink: SinkTemplate, Names: []string{"render"}, OnParam: true, Args: []int{0}},
	{Sink: SinkRenderOptions, Names: []string{"render"}, OnParam: true, Args: []int{1}},
	// Deep merges and path setters of libraries whose releases before a
	// fix walk __proto__ (JSDetector.keep reads the version the
	// repository pins).
	{Sink: SinkDeepMerge, Names: []string{"merge", "mergeWith", "defaultsDeep"}, Modules: []string{"lodash", "lodash.merge", "lodash.mergewith", "lodash.defaultsdeep"}, Args: []int{1, 2, 3}},
	{Sink: SinkPathSet, Names: []string{"set", "setWith", "zipObjectDeep"}, Modules: []string{"lodash", "lodash.set", "lodash.setwith", "lodash.zipobjectdeep"}, Args: []int{1}},
	{Sink: SinkDeserial, Names: []string{"unserialize", "deserialize", "deepDeserialize"}, Modules: []string{"node-serialize", "serialize-to-js", "funcster", "cryo"}, Args: []int{0}},
	{Sink: SinkYAML, Names: []string{"load", "loadAll"}, Modules: []string{"js-yaml", "yaml-js"}, Args: []int{0}, Unless: regexp.MustCompile(`SAFE_SCHEMA|FAILSAFE_SCHEMA|JSON_SCHEMA|CORE_SCHEMA`)},
	{Sink: SinkXML, Names: []string{"parseXml", "parseXmlString", "parseXmlAsync", "parse"}, Modules: []string{"libxmljs", "libxmljs2", "libxml"}, Args: []int{0}, Only: regexp.MustCompile(`\bnoent\s*:\s*true`)},
	{Sink: SinkTemplateJS, Names: []string{"render", "compile", "renderString", "template", "compileFile"}, Modules: []string{"ejs", "pug", "jade", "handlebars", "nunjucks", "lodash", "underscore", "mustache", "dot", "hogan.js", "lodash.template"}, Args: []int{0}},
	{Sink: sinkHTMLJS, Names: []string{"send", "write", "end", "html"}, OnParam: true, Args: []int{0}},
	{Sink: SinkXPath, Names: []string{"select", "select1", "evaluate", "parse"}, Modules: []string{"xpath", "xpath-ts", "xpath.js"}, Args: []int{0}},
	{Sink: SinkXPath, Names: []string{"evaluateXPath", "evaluateXPathToNodes", "evaluateXPathToFirstNode", "evaluateXPathToString", "evaluateXPathToBoolean", "evaluateXPathToStrings"}, Modules: []string{"fontoxpath"}, Args: []int{0}},
}

// jsClears are the sanitisers: a call by name whose result is its
// argument cleaned for these kinds.
var jsClears = map[string][]string{
	"parseInt": {CleanAll}, "parseFloat": {CleanAll}, "Number": {CleanAll}, "Boolean": {CleanAll}, "isNaN": {CleanAll},
	"toNumber": {CleanAll}, "toInteger": {CleanAll}, "ObjectId": {CleanAll}, "isValidObjectId": {CleanAll},
	"String": {NoSQLInjection, MassAssignment}, "toString": {NoSQLInjection, MassAssignment},
	"encodeURIComponent": {XSS, OpenRedirect, PathTraversal, SSRF},
	"escape":             {XSS, SQLInjection}, "escapeHtml": {XSS}, "escapeHTML": {XSS}, "htmlEscape": {XSS}, "encodeHTML": {XSS},
	"sanitize": {XSS, NoSQLInjection}, "sanitizeHtml": {XSS}, "xss": {XSS}, "filterXSS": {XSS}, "inHTMLData": {XSS},
	"basename": {PathTraversal}, "escapeId": {SQLInjection}, "escapeLiteral": {SQLInjection}, "escapeIdentifier": {SQLInjection},
	"quote": {CommandInjection}, "shellescape": {CommandInjection}, "shellEscape": {CommandInjection},
	"pick": {MassAssignment}, "matchedData": {MassAssignment},
}

func jsCall(l *Lowerer, call *syntax.Node, op *Op) {
	name := op.Callee.Name
	isNew := call.Type() == "new_expression"
	if k, ok := jsClears[name]; ok {
		op.Clears = append(op.Clears, k...)
	}
	if isBoolName(name) || op.Callee.Recv == "Math" {
		op.Clears = []string{CleanAll}
	}
	text := ""
	reads := readsRequest(l, call, op)
	for _, s := range JSSinks {
		if !contains(s.Names, name) || (s.New && !isNew) || len(op.Args) < s.MinArgs || reads && s.Modules == nil && !s.OnParam {
			continue
		}
		if s.Modules != nil && !l.fromModule(op, name, s.Modules) {
			continue
		}
		if s.OnParam && !l.onParam(call) {
			continue
		}
		if s.Modules == nil && !s.OnParam && op.Callee.Recv != "" && (name == "eval" || name == "fetch" || name == "setTimeout" || name == "setInterval" || name == "Function") {
			// window.fetch is fetch; this.eval is not eval.
			if op.Callee.Recv != "window" && op.Callee.Recv != "globalThis" && op.Callee.Recv != "global" {
				continue
			}
		}
		if text == "" {
			text = l.Text(call)
		}
		if s.Unless != nil && s.Unless.MatchString(text) || s.Only != nil && !s.Only.MatchString(text) && !s.Only.MatchString(l.optionsText(call)) {
			continue
		}
		args := s.Args
		if len(args) == 1 && args[0] == -1 {
			args = []int{len(op.Args) - 1}
		}
		op.Sinks = append(op.Sinks, SinkUse{Sink: s.Sink, Args: args, ByName: s.Modules == nil && !s.OnParam})
	}
	// new User(req.body) then save(): a record built from its argument and
	// stored (Mongoose, Sequelize's build, TypeORM's entity).
	if isNew && len(op.Args) > 0 && l.savedAfter(call) {
		op.Sinks = append(op.Sinks, SinkUse{Sink: SinkMassAssign, Args: []int{0}})
	}
	// res.render('page', { bio }), Fastify's reply.view: the template
	// says which values it writes unescaped (Templates.Bind).
	if (name == "render" || name == "view") && len(op.Args) >= 2 && op.Callee.Recv != "" && l.onParam(call) {
		if args := call.ChildByFieldName(l.Lang.Grammar.CallArgs); args != nil {
			if first := args.NamedChild(0); first != nil {
				if tmpl, ok := l.T.StringValue(first); ok {
					op.Render = &Render{Template: tmpl, Locals: 1}
				}
			}
		}
	}
}

// readsRequest reports a call that reads a part of a handler's request
// (Hono's c.req.query('q'), c.req.param('id')): a source, not the query
// or lookup a method of that name is elsewhere. The call is on a member
// of a parameter, so db.query(sql) with db a parameter stays a sink.
func readsRequest(l *Lowerer, call *syntax.Node, op *Op) bool {
	recv := op.Callee.Recv
	i := strings.IndexByte(recv, '.')
	if i <= 0 || strings.ContainsAny(recv, "([") {
		return false
	}
	_, _, ok := FromRequest(recv[i:] + "." + op.Callee.Name + "()")
	return ok && l.paramIndex(call) >= 0
}

// savedAfter reports whether the object a new expression makes is
// stored: save() called on it (new User(body).save()), or on the local it
// is assigned to, in the function that makes it.
func (l *Lowerer) savedAfter(call *syntax.Node) bool {
	p := call.Parent()
	for p != nil && (p.Type() == "parenthesized_expression" || p.Type() == "await_expression") {
		p = p.Parent()
	}
	if p == nil {
		return false
	}
	if p.Type() == "member_expression" {
		return l.Text(p.ChildByFieldName("property")) == "save"
	}
	if p.Type() != "variable_declarator" && p.Type() != "assignment_expression" {
		return false
	}
	name := p.ChildByFieldName("name")
	if name == nil {
		name = p.ChildByFieldName("left")
	}
	if name == nil || name.Type() != "identifier" {
		return false
	}
	scope := p
	for scope.Parent() != nil && !jsGrammar.Functions[scope.Type()] {
		scope = scope.Parent()
	}
	return callsSave(l.Text(scope), l.Text(name))
}

// callsSave reports whether text calls save() on the local name
// (name.save(), name . save ( )).
func callsSave(text, name string) bool {
	for i := strings.Index(text, name); i >= 0; {
		rest := text[i+len(name):]
		word := i == 0 || !isIdentByte(text[i-1])
		if t := strings.TrimLeft(rest, " \t\n"); word && strings.HasPrefix(t, ".") {
			t = strings.TrimLeft(t[1:], " \t\n")
			if after, ok := strings.CutPrefix(t, "save"); ok && strings.HasPrefix(strings.TrimLeft(after, " \t"), "(") {
				return true
			}
		}
		j := strings.Index(rest, name)
		if j < 0 {
			break
		}
		i += len(name) + j
	}
	return false
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// optionsText is the text of the object literals a call's plain-name
// arguments were declared with, the last declaration of each before the
// call (const opts = { noent: true }; parseXml(xml, opts)).
func (l *Lowerer) optionsText(call *syntax.Node) string {
	args := call.ChildByFieldName(l.Lang.Grammar.CallArgs)
	if args == nil {
		return ""
	}
	var b strings.Builder
	for _, a := range syntax.NamedChildren(args) {
		if a.Type() != "identifier" {
			continue
		}
		name := l.Text(a)
		var last *syntax.Node
		syntax.Walk(l.T.Root(), func(n *syntax.Node) bool {
			if n.StartByte() >= call.StartByte() {
				return false
			}
			if n.Type() == "variable_declarator" {
				if nm, v := n.ChildByFieldName("name"), n.ChildByFieldName("value"); nm != nil && v != nil && v.Type() == "object" && l.Text(nm) == name {
					last = v
				}
			}
			return true
		})
		if last != nil {
			b.WriteString(l.Text(last))
		}
	}
	return b.String()
}

// isBoolName: a predicate's result is a boolean (isValid(x), hasRole(u)).
func isBoolName(name string) bool {
	for _, p := range []string{"is", "has", "can", "should", "validate"} {
		if strings.HasPrefix(name, p) && len(name) > len(p) && name[len(p)] >= 'A' && name[len(p)] <= 'Z' {
			return true
		}
	}
	return false
}

// fromModule reports whether a call's callee, or the object it is called
// on, is imported from one of mods.
func (l *Lowerer) fromModule(op *Op, name string, mods []string) bool {
	root := op.Callee.Recv
	if root == "" {
		root = name
	}
	if i := strings.IndexAny(root, ".(["); i > 0 {
		root = root[:i]
	}
	if strings.HasPrefix(root, "require") {
		for _, m := range mods {
			if strings.Contains(op.Callee.Recv, "'"+m+"'") || strings.Contains(op.Callee.Recv, `"`+m+`"`) {
				return true
			}
		}
		return false
	}
	imp, ok := l.Imports[root]
	if !ok {
		return false
	}
	for _, m := range mods {
		if imp.From == m || strings.HasPrefix(imp.From, m+"/") {
			return true
		}
	}
	return false
}

// onParam reports whether a method call's object is, at its root, the
// second parameter of the function it is in or of one around it: the
// response of a (req, res) handler, Fastify's reply. A socket's send is
// not a response.
func (l *Lowerer) onParam(call *syntax.Node) bool { return l.paramIndex(call) == 1 }

// paramIndex is the position of the parameter a method call's object is
// read from (res.send: res; c.req.query: c) among the parameters of the
// function it is in or of one around it, or -1.
func (l *Lowerer) paramIndex(call *syntax.Node) int {
	fn := call.ChildByFieldName("function")
	if fn == nil || fn.Type() != "member_expression" {
		return -1
	}
	obj := fn.ChildByFieldName("object")
	for obj != nil && (obj.Type() == "member_expression" || obj.Type() == "call_expression") {
		if obj.Type() == "call_expression" {
			obj = obj.ChildByFieldName("function")
			continue
		}
		obj = obj.ChildByFieldName("object")
	}
	if obj == nil || obj.Type() != "identifier" {
		return -1
	}
	root := l.Text(obj)
	for n := call.Parent(); n != nil; n = n.Parent() {
		if !jsGrammar.Functions[n.Type()] {
			continue
		}
		ps := n.ChildByFieldName("parameters")
		if ps == nil {
			if p := n.ChildByFieldName("parameter"); p != nil && l.Text(p) == root {
				return 0
			}
			continue
		}
		i := 0
		for _, c := range syntax.NamedChildren(ps) {
			if c.Type() == "comment" {
				continue
			}
			if p := c.ChildByFieldName("pattern"); p != nil {
				c = p
			}
			if l.Text(c) == root {
				return i
			}
			i++
		}
	}
	return -1
}

// jsParams lowers a function's parameters, destructured ones as one
// Param per name, NestJS parameter decorators as their sources.
func jsParams(l *Lowerer, fn *syntax.Node) []Param {
	if p := fn.ChildByFieldName("parameter"); p != nil {
		return []Param{{Name: l.Text(p), Index: 0}}
	}
	ps := fn.ChildByFieldName("parameters")
	if ps == nil {
		return nil
	}
	var out []Param
	i := 0
	for _, c := range syntax.NamedChildren(ps) {
		if c.Type() == "comment" {
			continue
		}
		src, path := "", ""
		for _, d := range syntax.NamedChildren(c) {
			if d.Type() == "decorator" {
				src, path = nestSource(l.Text(d))
			}
		}
		pat := c
		if p := c.ChildByFieldName("pattern"); p != nil {
			pat = p
		}
		if pat.Type() == "assignment_pattern" {
			pat = pat.ChildByFieldName("left")
		}
		if pat.Type() == "rest_pattern" && pat.NamedChildCount() > 0 {
			pat = pat.NamedChild(0)
		}
		if pat == nil {
			i++
			continue
		}
		switch pat.Type() {
		case "identifier", "this":
			out = append(out, Param{Name: l.Text(pat), Index: i, Source: src, Path: path})
		case "object_pattern", "array_pattern":
			for _, b := range patternBindings(l, pat, "") {
				out = append(out, Param{Name: b[0], Index: i, Path: b[1]})
			}
		}
		i++
	}
	return out
}

// nestSource reads a NestJS parameter decorator: @Body(), @Query('q').
var nestDecorator = regexp.MustCompile(`^@(Body|Query|Param|Headers|UploadedFile|UploadedFiles|Args|MessageBody|Req|Request|Ctx)\(\s*(?:['"]([\w.-]+)['"])?`)

func nestSource(d string) (string, string) {
	m := nestDecorator.FindStringSubmatch(d)
	if m == nil {
		return "", ""
	}
	path := ""
	if m[2] != "" {
		path = "." + m[2]
	}
	switch m[1] {
	case "Body":
		return facts.SourceBody, path
	case "Query":
		return facts.SourceQuery, path
	case "Param":
		return facts.SourceParam, path
	case "Headers":
		return facts.SourceHeader, path
	case "UploadedFile", "UploadedFiles":
		return facts.SourceFileName, path
	case "Args":
		return facts.SourceGraphQLArg, path
	case "MessageBody":
		return facts.SourceMessage, path
	}
	return "", ""
}

// patternBindings lists a destructuring pattern's names with the path
// each reads: { query: { to }, body } is to ".query.to", body ".body".
func patternBindings(l *Lowerer, pat *syntax.Node, base string) [][2]string {
	var out [][2]string
	for _, c := range syntax.NamedChildren(pat) {
		switch c.Type() {
		case "shorthand_property_identifier_pattern", "shorthand_property_identifier":
			out = append(out, [2]string{l.Text(c), base + "." + l.Text(c)})
		case "pair_pattern":
			key := strings.Trim(l.Text(c.ChildByFieldName("key")), `"'`)
			v := c.ChildByFieldName("value")
			if v != nil && v.Type() == "assignment_pattern" {
				v = v.ChildByFieldName("left")
			}
			if v == nil {
				continue
			}
			switch v.Type() {
			case "identifier":
				out = append(out, [2]string{l.Text(v), base + "." + key})
			case "object_pattern", "array_pattern":
				out = append(out, patternBindings(l, v, base+"."+key)...)
			}
		case "object_assignment_pattern":
			left := c.ChildByFieldName("left")
			if left != nil {
				out = append(out, [2]string{l.Text(left), base + "." + l.Text(left)})
			}
		case "rest_pattern":
			if c.NamedChildCount() > 0 {
				out = append(out, [2]string{l.Text(c.NamedChild(0)), base})
			}
		case "identifier":
			out = append(out, [2]string{l.Text(c), base + "[]"})
		case "object_pattern", "array_pattern":
			out = append(out, patternBindings(l, c, base+"[]")...)
		case "assignment_pattern":
			if left := c.ChildByFieldName("left"); left != nil && left.Type() == "identifier" {
				out = append(out, [2]string{l.Text(left), base + "[]"})
			}
		}
	}
	return out
}

func jsPattern(l *Lowerer, pat *syntax.Node, v Expr, line int) {
	for _, b := range patternBindings(l, pat, "") {
		e := v
		e.Refs = make([]Ref, len(v.Refs))
		for i, r := range v.Refs {
			r.Path = JoinPath(r.Path, b[1])
			r.Note = ""
			e.Refs[i] = r
		}
		e.Fields, e.Spread = false, false
		l.emit(Op{Kind: Assign, Line: line, Dst: b[0], Src: e})
	}
}

// A check in an if's condition: an allow-list test (list.includes(x),
// set.has(x), x === 'literal', /re/.test(x)) proves x safe for every
// kind; a prefix test (x.startsWith('/')) for the kinds a path or host
// prefix decides.
func jsCheck(l *Lowerer, cond *syntax.Node) (holds, fails []Op) {
	line := syntax.Line(cond)
	// at is the test being read: under an odd number of ! it proves the
	// value where the condition fails; under || it proves nothing where
	// the condition holds (another operand may be what held).
	var at *syntax.Node
	negate := false
	var by *TestBy
	// byCall checks each argument of a call of the repository's for what
	// its summary says the function tests it for.
	byCall := func(n, args *syntax.Node, add func(*syntax.Node, []string)) {
		call := CallAt(l.cur.Ops, syntax.Line(n), clip(l.Text(n)))
		if call == 0 {
			return
		}
		for k, a := range syntax.NamedChildren(args) {
			by = &TestBy{Call: call, Arg: k}
			add(a, nil)
		}
		by = nil
	}
	add := func(target *syntax.Node, kinds []string) {
		for target != nil && (target.Type() == "parenthesized_expression" || target.Type() == "await_expression") && target.NamedChildCount() > 0 {
			target = target.NamedChild(0)
		}
		if target == nil {
			return
		}
		base, path := l.access(target)
		if base == "" {
			if target.Type() != "identifier" {
				return
			}
			base = l.Text(target)
		}
		op := Op{Kind: Clear, Line: line, Dst: base + path, Clears: kinds, By: by}
		neg, or := negate, false
		for p := at; p != nil && p != cond; p = p.Parent() {
			switch p.Type() {
			case "unary_expression":
				if l.Text(p.ChildByFieldName("operator")) == "!" {
					neg = !neg
				}
			case "binary_expression":
				or = or || l.Text(p.ChildByFieldName("operator")) == "||"
			}
		}
		switch {
		case neg:
			fails = append(fails, op)
		case !or:
			holds = append(holds, op)
		}
	}
	syntax.Walk(cond, func(n *syntax.Node) bool {
		at, negate = n, false
		switch n.Type() {
		case "call_expression":
			fn := n.ChildByFieldName("function")
			args := n.ChildByFieldName("arguments")
			if fn == nil || args == nil || fn.Type() != "member_expression" {
				switch {
				case fn != nil && fn.Type() == "identifier" && isBoolName(l.Text(fn)) && args != nil && args.NamedChildCount() > 0:
					add(args.NamedChild(0), []string{CleanAll})
				case fn != nil && fn.Type() == "identifier" && args != nil:
					byCall(n, args, add)
				}
				return true
			}
			method := l.Text(fn.ChildByFieldName("property"))
			switch method {
			case "includes", "has", "indexOf", "test", "contains":
				if args.NamedChildCount() > 0 {
					add(args.NamedChild(0), []string{CleanAll})
				}
			case "startsWith":
				// A path that starts with .. once made relative to a
				// root (path.relative(root, p)) lies outside it: the
				// test holds where the value is rejected.
				// A literal prefix that fixes no host or folder
				// (startsWith('http'), startsWith('/')) only sorts the
				// value: a URL to any host, a path anywhere.
				loose := false
				if a := args.NamedChild(0); a != nil {
					if v, ok := l.T.StringValue(a); ok && strings.HasPrefix(v, "..") {
						negate = true
					} else if ok {
						loose = !fixedHost.MatchString(v)
					}
				}
				if !loose {
					add(fn.ChildByFieldName("object"), []string{OpenRedirect, PathTraversal, SSRF})
				}
			default:
				if isBoolName(method) && args.NamedChildCount() > 0 {
					add(args.NamedChild(0), []string{CleanAll})
				} else {
					byCall(n, args, add)
				}
			}
		case "binary_expression":
			op := l.Text(n.ChildByFieldName("operator"))
			if op == "===" || op == "==" || op == "in" || op == "!==" || op == "!=" {
				left, right := n.ChildByFieldName("left"), n.ChildByFieldName("right")
				negate = op == "!==" || op == "!="
				// An equality with the empty string tests for a missing
				// value, not what the value holds (if (to == '') to = '/').
				if right != nil && (right.Type() == "string" && !emptyString(l, right) || op == "in") {
					add(left, []string{CleanAll})
				}
			}
		}
		return true
	})
	return holds, fails
}

// emptyString says whether a string literal holds no characters (a pair
// of single or double quotes).
func emptyString(l *Lowerer, n *syntax.Node) bool {
	v, ok := l.T.StringValue(n)
	return ok && v == ""
}

// jsMemberSink: ctx.body = v is a Koa response body; target[key] = v
// in a merge written by hand that recurses into each key is a deep merge.
func jsMemberSink(l *Lowerer, left *syntax.Node) *Sink {
	if left.Type() == "subscript_expression" {
		if recursiveMerge(l, left) {
			return SinkMergeLoop
		}
		return nil
	}
	if left.Type() != "member_expression" || l.Text(left.ChildByFieldName("property")) != "body" {
		return nil
	}
	obj := left.ChildByFieldName("object")
	if obj == nil || obj.Type() != "identifier" {
		return nil
	}
	for _, p := range l.cur.Params {
		if p.Name == l.Text(obj) && p.Index == 0 {
			return sinkHTMLJS
		}
	}
	return nil
}

// keyGuard is a test of a key against the names that reach a prototype.
var keyGuard = regexp.MustCompile(`__proto__|["'](?:constructor|prototype)["']`)

// recursiveMerge reports whether target[key] is assigned in a merge
// written by hand: key is a loop's key (for (k in src), for (const k of
// Object.keys(src)), Object.keys(src).forEach(k => ...)), the function
// it is in calls itself (it recurses into target[key], which for
// __proto__ is Object.prototype), and nothing in it tests a key against
// __proto__, constructor or prototype.
func recursiveMerge(l *Lowerer, left *syntax.Node) bool {
	idx := left.ChildByFieldName("index")
	if idx == nil || idx.Type() != "identifier" {
		return false
	}
	key := l.Text(idx)
	loop := false
	var fn *syntax.Node
	for n := left.Parent(); n != nil; n = n.Parent() {
		if jsGrammar.Functions[n.Type()] {
			if !loop && forEachKey(l, n, key) {
				loop = true
				continue
			}
			fn = n
			break
		}
		if n.Type() == "for_in_statement" {
			if lv := n.ChildByFieldName("left"); lv != nil && slices.Contains(exprIdent.FindAllString(l.Text(lv), -1), key) {
				loop = true
			}
		}
	}
	if !loop || fn == nil {
		return false
	}
	name := funcNodeName(l, fn)
	body := fn.ChildByFieldName("body")
	if name == "" || body == nil {
		return false
	}
	text := l.Text(body)
	if keyGuard.MatchString(text) {
		return false
	}
	self := regexp.MustCompile(`(?:^|[^\w$.]|this\.)` + regexp.QuoteMeta(name) + `\s*\(`)
	return self.MatchString(text)
}

// forEachKey reports whether fn is a callback given to forEach on a
// list of keys (Object.keys(src).forEach((key) => ...)) whose first
// parameter is key.
func forEachKey(l *Lowerer, fn *syntax.Node, key string) bool {
	args := fn.Parent()
	if args == nil || args.Type() != "arguments" || args.Parent() == nil {
		return false
	}
	callee := args.Parent().ChildByFieldName("function")
	if callee == nil || callee.Type() != "member_expression" || l.Text(callee.ChildByFieldName("property")) != "forEach" {
		return false
	}
	if !strings.HasPrefix(l.Text(callee.ChildByFieldName("object")), "Object.") {
		return false
	}
	params := fn.ChildByFieldName("parameters")
	if params == nil {
		params = fn.ChildByFieldName("parameter")
	}
	return params != nil && slices.Contains(exprIdent.FindAllString(l.Text(params), 1), key)
}

// funcNodeName is a function's name: its own, or the name it is
// assigned to (const merge = (a, b) => ..., exports.merge = function).
func funcNodeName(l *Lowerer, fn *syntax.Node) string {
	if n := fn.ChildByFieldName("name"); n != nil {
		return l.Text(n)
	}
	p := fn.Parent()
	if p == nil {
		return ""
	}
	switch p.Type() {
	case "variable_declarator", "pair":
		for _, f := range []string{"name", "key"} {
			if n := p.ChildByFieldName(f); n != nil {
				return strings.Trim(l.Text(n), `"'`)
			}
		}
	case "assignment_expression":
		if n := p.ChildByFieldName("left"); n != nil {
			t := l.Text(n)
			return t[strings.LastIndexByte(t, '.')+1:]
		}
	}
	return ""
}
