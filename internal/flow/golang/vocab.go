package golang

import (
	"go/ast"
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/flow"
)

// The vocabulary of the walk, as data: what reads request data, what
// passes it on, what stops it, and what must not receive it.

// reqKind is what a handler parameter is, by its declared type.
type reqKind uint8

const (
	reqNone     reqKind = iota
	reqHTTP             // *http.Request
	reqWriter           // http.ResponseWriter
	reqGin              // *gin.Context
	reqEcho             // echo.Context
	reqFiber            // *fiber.Ctx
	reqRouterPs         // httprouter.Params
)

// reqTypes maps a parameter's type (import path and type name) to what
// it is.
var reqTypes = []struct {
	importPrefix, name string
	kind               reqKind
}{
	{"net/http", "Request", reqHTTP},
	{"net/http", "ResponseWriter", reqWriter},
	{"github.com/gin-gonic/gin", "Context", reqGin},
	{"github.com/labstack/echo", "Context", reqEcho},
	{"github.com/gofiber/fiber", "Ctx", reqFiber},
	{"github.com/julienschmidt/httprouter", "Params", reqRouterPs},
}

// read is what one request read gives: where the data comes from,
// whether it is a whole part (the body, the query object, a form) or one
// string of it, and for a binding call (c.Bind(&v)) that the target
// argument is filled rather than the result.
type read struct {
	src   string
	shape shape
	bind  bool
	req   reqKind // the result is itself a request of this kind (c.Request)
}

// shape says whether a read is a whole part of the request or one string.
type shape uint8

const (
	shapeStr shape = iota // one value: the origin's path marks it read through a call
	shapeObj              // a whole part: the body, the query, a form, a header map
)

// methodReads are the request methods that read request data, by the
// request's kind. Any other method of a request (its context, its
// writer, a value a middleware stored) is not request data.
var methodReads = map[reqKind]map[string]read{
	reqHTTP: {
		"FormValue": {src: facts.SourceBody}, "PostFormValue": {src: facts.SourceBody},
		"PathValue": {src: facts.SourceParam}, "Cookie": {src: facts.SourceCookie, shape: shapeObj},
		"Cookies": {src: facts.SourceCookie, shape: shapeObj}, "Referer": {src: facts.SourceHeader},
		"UserAgent": {src: facts.SourceHeader}, "FormFile": {src: facts.SourceFileName, shape: shapeObj},
		"MultipartReader": {src: facts.SourceBody, shape: shapeObj},
	},
	reqGin: {
		"Param": {src: facts.SourceParam}, "Query": {src: facts.SourceQuery}, "DefaultQuery": {src: facts.SourceQuery},
		"GetQuery": {src: facts.SourceQuery}, "QueryArray": {src: facts.SourceQuery}, "GetQueryArray": {src: facts.SourceQuery},
		"QueryMap": {src: facts.SourceQuery, shape: shapeObj}, "GetQueryMap": {src: facts.SourceQuery, shape: shapeObj},
		"PostForm": {src: facts.SourceBody}, "DefaultPostForm": {src: facts.SourceBody}, "GetPostForm": {src: facts.SourceBody},
		"PostFormArray": {src: facts.SourceBody}, "PostFormMap": {src: facts.SourceBody, shape: shapeObj},
		"GetHeader": {src: facts.SourceHeader}, "Cookie": {src: facts.SourceCookie},
		"FormFile": {src: facts.SourceFileName, shape: shapeObj}, "MultipartForm": {src: facts.SourceBody, shape: shapeObj},
		"GetRawData": {src: facts.SourceBody},
		"ShouldBind": {src: facts.SourceBody, bind: true}, "ShouldBindJSON": {src: facts.SourceBody, bind: true},
		"ShouldBindXML": {src: facts.SourceBody, bind: true}, "ShouldBindYAML": {src: facts.SourceBody, bind: true},
		"ShouldBindWith": {src: facts.SourceBody, bind: true}, "ShouldBindBodyWith": {src: facts.SourceBody, bind: true},
		"ShouldBindBodyWithJSON": {src: facts.SourceBody, bind: true}, "ShouldBindTOML": {src: facts.SourceBody, bind: true},
		"Bind": {src: facts.SourceBody, bind: true}, "BindJSON": {src: facts.SourceBody, bind: true},
		"BindXML": {src: facts.SourceBody, bind: true}, "BindYAML": {src: facts.SourceBody, bind: true},
		"BindWith":        {src: facts.SourceBody, bind: true},
		"ShouldBindQuery": {src: facts.SourceQuery, bind: true}, "BindQuery": {src: facts.SourceQuery, bind: true},
		"ShouldBindUri": {src: facts.SourceParam, bind: true}, "BindUri": {src: facts.SourceParam, bind: true},
		"ShouldBindHeader": {src: facts.SourceHeader, bind: true}, "BindHeader": {src: facts.SourceHeader, bind: true},
	},
	reqEcho: {
		"Param": {src: facts.SourceParam}, "ParamValues": {src: facts.SourceParam},
		"QueryParam": {src: facts.SourceQuery}, "QueryParams": {src: facts.SourceQuery, shape: shapeObj},
		"QueryString": {src: facts.SourceQuery}, "FormValue": {src: facts.SourceBody},
		"FormParams": {src: facts.SourceBody, shape: shapeObj}, "FormFile": {src: facts.SourceFileName, shape: shapeObj},
		"MultipartForm": {src: facts.SourceBody, shape: shapeObj}, "Cookie": {src: facts.SourceCookie, shape: shapeObj},
		"Cookies": {src: facts.SourceCookie, shape: shapeObj}, "Bind": {src: facts.SourceBody, bind: true},
		"Request": {req: reqHTTP},
	},
	reqFiber: {
		"Params": {src: facts.SourceParam}, "AllParams": {src: facts.SourceParam, shape: shapeObj},
		"ParamsParser": {src: facts.SourceParam, bind: true}, "Query": {src: facts.SourceQuery},
		"Queries": {src: facts.SourceQuery, shape: shapeObj}, "QueryParser": {src: facts.SourceQuery, bind: true},
		"Body": {src: facts.SourceBody}, "BodyRaw": {src: facts.SourceBody}, "BodyParser": {src: facts.SourceBody, bind: true},
		"FormValue": {src: facts.SourceBody}, "FormFile": {src: facts.SourceFileName, shape: shapeObj},
		"MultipartForm": {src: facts.SourceBody, shape: shapeObj}, "Get": {src: facts.SourceHeader},
		"GetReqHeaders": {src: facts.SourceHeader, shape: shapeObj}, "Cookies": {src: facts.SourceCookie},
		"CookieParser": {src: facts.SourceCookie, bind: true}, "ReqHeaderParser": {src: facts.SourceHeader, bind: true},
		"OriginalURL": {src: facts.SourceURL},
	},
	reqRouterPs: {
		"ByName": {src: facts.SourceParam},
	},
}

// fieldReads are the fields of an *http.Request that hold request data
// (and gin's c.Request, which is one).
var fieldReads = map[reqKind]map[string]read{
	reqHTTP: {
		"URL": {src: facts.SourceURL, shape: shapeObj}, "Body": {src: facts.SourceBody, shape: shapeObj},
		"Form": {src: facts.SourceBody, shape: shapeObj}, "PostForm": {src: facts.SourceBody, shape: shapeObj},
		"MultipartForm": {src: facts.SourceBody, shape: shapeObj}, "Header": {src: facts.SourceHeader, shape: shapeObj},
		"Host": {src: facts.SourceHeader}, "RequestURI": {src: facts.SourceURL},
	},
	reqGin: {"Request": {req: reqHTTP}},
}

// funcReads are package functions that read request data from their
// first argument: chi.URLParam(r, "id"), mux.Vars(r).
var funcReads = map[string]map[string]read{
	"github.com/go-chi/chi":    {"URLParam": {src: facts.SourceParam}, "URLParamFromCtx": {src: facts.SourceParam}},
	"github.com/gorilla/mux":   {"Vars": {src: facts.SourceParam, shape: shapeObj}},
	"github.com/go-chi/chi/v5": {"URLParam": {src: facts.SourceParam}, "URLParamFromCtx": {src: facts.SourceParam}},
}

// passing are the standard packages whose functions hand their
// arguments' data on in their result (fmt.Sprintf, strings.Join,
// filepath.Join, url.Parse, io.ReadAll, json.NewDecoder); cleaning lists
// the functions of those packages that do not (a number parsed, a value
// escaped).
var passing = map[string]bool{
	"fmt": true, "strings": true, "bytes": true, "path": true, "path/filepath": true, "net/url": true,
	"strconv": true, "io": true, "io/ioutil": true, "encoding/json": true, "encoding/xml": true,
	"bufio": true, "encoding/base64": true, "encoding/hex": true, "unicode/utf8": false,
	// An archive read from request data: its entries' names are the
	// sender's (zip slip).
	"archive/zip": true, "archive/tar": true, "compress/gzip": true,
}

var cleaning = map[string]map[string]bool{
	"strconv":       {"Atoi": true, "ParseInt": true, "ParseUint": true, "ParseFloat": true, "ParseBool": true, "Itoa": true, "FormatInt": true},
	"net/url":       {"QueryEscape": true, "PathEscape": true},
	"strings":       {"Contains": true, "HasPrefix": true, "HasSuffix": true, "Index": true, "Count": true, "EqualFold": true, "Compare": true},
	"path/filepath": {"IsAbs": true, "IsLocal": true, "Match": true},
	"fmt":           {"Println": true, "Printf": true, "Print": true, "Fprintf": true, "Fprintln": true, "Fprint": true},
}

// escapers return their argument escaped for HTML (or XML, which
// escapes the same characters).
var escapers = map[string]map[string]bool{
	"html":          {"EscapeString": true},
	"encoding/xml":  {"Marshal": true, "MarshalIndent": true},
	"html/template": {"HTMLEscapeString": true, "JSEscapeString": true, "URLQueryEscaper": true, "HTMLEscaper": true},
	"text/template": {"HTMLEscapeString": true, "JSEscapeString": true},
}

// encoders are libraries' document types whose methods serialise them
// as XML or JSON, every value escaped: by import path, the methods.
var encoders = map[string]map[string]bool{
	"github.com/gorilla/feeds": {"ToRss": true, "ToAtom": true, "ToJSON": true},
}

// sink is a package function that is a sink when its argument arg
// carries request data.
type sink struct {
	s   *flow.Sink
	arg int
}

// stringSource are the parts of a request Go reads only as text (a path
// variable from mux.Vars(r)["id"], a query or form value, a header, a
// cookie): indexing them gives a string, never an operator object.
var stringSource = map[string]bool{facts.SourceParam: true, facts.SourceQuery: true, facts.SourceHeader: true, facts.SourceCookie: true}

// Go's own sinks, beside the core's: what a value must look like there
// depends on Go's types, which the frontend knows from the code.
var (
	// A filter given a decoded body whole, or a value of a body decoded
	// into a map (m["name"]: it may be {"$ne": ""}); a typed struct's
	// field is a string or a number, never an operator.
	sinkMongoFilter = &flow.Sink{Kind: flow.NoSQLInjection, Name: "query filter",
		From: func(o flow.Origin) bool {
			return (o.Whole || strings.HasPrefix(o.Path, "[")) && !stringSource[o.Source]
		}}
	// gorm's clauses (Where, Order, Group) take SQL text: any request
	// text pasted there is SQL, whatever the rest says; a struct or map
	// given instead is a condition of bound values.
	sinkSQLClause = &flow.Sink{Kind: flow.SQLInjection, Name: "SQL clause",
		Shape: func(v flow.Value) bool { return !v.Object && !onlyParams(v) }}
	// HTML written to the response: text that holds a tag.
	sinkHTMLText = &flow.Sink{Kind: flow.XSS, Name: "HTML response",
		Shape: func(v flow.Value) bool { return htmlText.MatchString(v.Text) },
		From:  func(o flow.Origin) bool { return !o.Whole }}
	// Text written to a response whose content type was never set: Go
	// sniffs it from the first bytes (http.DetectContentType), so text
	// the caller's value begins is served as HTML when it starts with a
	// tag; text with a literal start is typed by that start.
	sinkSniffed = &flow.Sink{Kind: flow.XSS, Name: "HTML response",
		Shape: func(v flow.Value) bool { return htmlText.MatchString(v.Text) || v.Lead == "" && !v.Chosen },
		From:  func(o flow.Origin) bool { return !o.Whole }}
	// A model bound whole from the body and saved: the frontend attaches
	// it only to a model with fields a caller must not set.
	sinkModelSaved = &flow.Sink{Kind: flow.MassAssignment, Name: "model saved",
		From: func(o flow.Origin) bool { return o.Whole && o.Source == facts.SourceBody }}
	sinkCommand = &flow.Sink{Kind: flow.CommandInjection, Name: "program run"}
)

// onlyParams says a value is a function's parameters as passed: the
// caller's argument tells what it is (a sink's shape fails on it, so the
// core asks the caller).
func onlyParams(v flow.Value) bool {
	for _, o := range v.Origins {
		if o.Param < 0 {
			return false
		}
	}
	return true
}

var htmlText = regexp.MustCompile(`<[a-zA-Z/!]`)

// funcSinks are package functions that are sinks.
var funcSinks = map[string]map[string]sink{
	"net/http": {
		"Get": {flow.SinkFetch, 0}, "Head": {flow.SinkFetch, 0}, "Post": {flow.SinkFetch, 0}, "PostForm": {flow.SinkFetch, 0},
		"NewRequest": {flow.SinkFetch, 1}, "NewRequestWithContext": {flow.SinkFetch, 2},
		"Redirect": {flow.SinkRedirect, 2}, "ServeFile": {flow.SinkFile, 2},
	},
	"os": {
		"Open": {flow.SinkFile, 0}, "OpenFile": {flow.SinkFile, 0}, "ReadFile": {flow.SinkFile, 0}, "Create": {flow.SinkFile, 0},
		"WriteFile": {flow.SinkFile, 0}, "Remove": {flow.SinkFile, 0}, "RemoveAll": {flow.SinkFile, 0}, "ReadDir": {flow.SinkFile, 0},
		"Rename": {flow.SinkFile, 1}, "Truncate": {flow.SinkFile, 0},
	},
	"io/ioutil": {"ReadFile": {flow.SinkFile, 0}, "WriteFile": {flow.SinkFile, 0}, "ReadDir": {flow.SinkFile, 0}},
	"html/template": {"HTML": {flow.SinkHTML, 0}, "HTMLAttr": {flow.SinkHTML, 0}, "JS": {flow.SinkHTML, 0}, "URL": {flow.SinkHTML, 0},
		// A template file the request names: any file the process reads.
		"ParseFiles": {flow.SinkTemplate, 0}, "ParseGlob": {flow.SinkTemplate, 0}},
	"text/template": {"ParseFiles": {flow.SinkTemplate, 0}, "ParseGlob": {flow.SinkTemplate, 0}},
}

// sqlMethods are the database calls whose statement argument (the first,
// after a context) is SQL text and nothing else.
var sqlMethods = map[string]bool{
	"Query": true, "QueryRow": true, "Exec": true, "QueryContext": true, "QueryRowContext": true,
	"ExecContext": true, "Prepare": true, "PrepareContext": true, "Raw": true, "Queryx": true,
	"QueryRowx": true, "MustExec": true, "NamedExec": true, "NamedQuery": true,
}

// queryRows are the database/sql calls whose result is rows to Scan.
var queryRows = map[string]bool{"Query": true, "QueryContext": true, "QueryRow": true, "QueryRowContext": true}

// sqlClauses are gorm's (and its likes') clauses that take SQL text when
// given a string.
var sqlClauses = map[string]bool{
	"Where": true, "Or": true, "Not": true, "Order": true, "Group": true, "Having": true, "Joins": true,
}

// sqlxDest are sqlx calls whose statement follows the destination.
var sqlxDest = map[string]bool{"Select": true, "Get": true, "SelectContext": true, "GetContext": true}

// mongoFilter are collection methods and the index of their filter.
var mongoFilter = map[string]int{
	"Find": 1, "FindOne": 1, "FindOneAndUpdate": 1, "FindOneAndDelete": 1, "FindOneAndReplace": 1,
	"UpdateOne": 1, "UpdateMany": 1, "DeleteOne": 1, "DeleteMany": 1, "CountDocuments": 1,
	"Aggregate": 1, "Distinct": 2, "ReplaceOne": 1,
}

// saves are ORM calls that write a whole model.
var saves = map[string]bool{"Create": true, "Save": true, "Updates": true, "FirstOrCreate": true}

// sinkCallNames are the names a call has where the lowering may find a
// sink (calls.go): a package function's, a method's, a framework
// context's. A function none of whose calls has one of these names holds
// no sink, so the pass over functions no route reaches does not lower
// it. TestSinkCallNames holds every sink the fixtures lower to this list:
// a sink added to calls.go under a new name goes here too.
var sinkCallNames = func() map[string]bool {
	names := map[string]bool{}
	for _, fs := range funcSinks {
		for n := range fs {
			names[n] = true
		}
	}
	for _, set := range []map[string]bool{sqlMethods, sqlClauses, sqlxDest, saves} {
		for n := range set {
			names[n] = true
		}
	}
	for n := range mongoFilter {
		names[n] = true
	}
	for _, n := range []string{
		"Command", "CommandContext", // os/exec
		"Fprintf", "Fprint", "Fprintln", "WriteString", "Write", // a response written
		"Redirect", "File", "FileAttachment", "Data", "Attachment", "Inline", "HTML", "HTMLBlob", "SendFile", "Download", // gin, echo, fiber
		"Parse", "Execute", "ExecuteTemplate", // templates
		"Get", "Post", "Head", "PostForm", // an HTTP client
	} {
		names[n] = true
	}
	return names
}()

// callsSinkName reports whether a function's body calls anything by a
// name in sinkCallNames.
func callsSinkName(body ast.Node) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		c, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		switch fun := unparen(c.Fun).(type) {
		case *ast.SelectorExpr:
			found = sinkCallNames[fun.Sel.Name]
		case *ast.Ident:
			found = sinkCallNames[fun.Name]
		case *ast.IndexExpr: // a generic function instantiated: F[T](x)
			found = true
		case *ast.IndexListExpr:
			found = true
		}
		return !found
	})
	return found
}
