// Package response finds records with secrets in them handed whole to the
// client: a user model with its password hash or tokens, looked up in a
// handler and returned as it is (res.json(user), jsonify(user.__dict__),
// return user from FastAPI without a response model, a Go struct whose
// Password field JSON shows), and DRF serializers of every field of such
// a model. A model that hides its secret fields itself (select: false,
// a toJSON that drops them, @Exclude, json:"-") is no finding, nor is a
// handler that picks or drops fields on the way out.
package response

import (
	"context"
	"go/ast"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/detector/userdata"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// Kind is the weakness kind this detector reports.
const Kind = "sensitive-response"

// Detector reads models and serializers per file, then each route's
// handler once every model is known.
type Detector struct {
	mu sync.Mutex
	// hidden are models whose own definition keeps secret fields out of
	// what it serialises.
	hidden map[string]bool
	// structs are Go struct types with a secret field JSON shows.
	structs map[string]bool
	// via are Go struct types whose secret-named field (or embedded
	// struct) is of another struct type: secret when that type is; and
	// plain are the struct types seen with no secret field.
	via   map[string][]string
	plain map[string]bool
	// serializers take every field of a model (DRF fields = "__all__").
	serializers []serializer
	// declared are the places of route decorators that declare the
	// response's shape (FastAPI's response_model): file:line.
	declared map[string]bool
}

type serializer struct {
	model string
	at    facts.Evidence
}

// New makes the detector, for one scan.
func New() *Detector {
	return &Detector{hidden: map[string]bool{}, structs: map[string]bool{}, via: map[string][]string{}, plain: map[string]bool{}, declared: map[string]bool{}}
}

// Name implements detector.Detector.
func (*Detector) Name() string { return "response" }

// Match implements detector.Detector: code that can define a model or a
// serializer, not tests.
func (*Detector) Match(p string) bool {
	switch lang.Of(p).Family() {
	case lang.Go, lang.Python, lang.JavaScript:
		return !lang.IsTest(p)
	}
	return false
}

// Keywords implements detector.Keyworded: a model with a secret field
// names it.
func (*Detector) Keywords() []string {
	return []string{"password", "Password", "PASSWORD", "passwd", "secret", "Secret", "token", "Token", "__all__", "response_model"}
}

// secretWords name a field that must not leave the server.
var secretWords = map[string]bool{"password": true, "passwd": true, "pwd": true, "secret": true, "token": true, "tokens": true,
	"salt": true, "totp": true, "otp": true, "apikey": true}

// SecretField reports whether a field holds a password, a hash of one, a
// token or a secret: passwordHash, reset_token, totpSecret, api_key.
func SecretField(name string) bool {
	ws := code.Words(name)
	for i, w := range ws {
		if secretWords[w] || (w == "api" && i+1 < len(ws) && ws[i+1] == "key") {
			return true
		}
	}
	return false
}

// hides: the model's own definition keeps fields out of its JSON.
var hides = regexp.MustCompile(`select\s*:\s*false|\btoJSON\b|\btoObject\b|\btransform\s*[:(]|defaultScope[\s\S]{0,200}exclude|@Exclude\(|\bhidden\s*[:=]|\bwrite_only\b|extra_kwargs`)

// responseModel is a route decorator that declares its response's shape.
var responseModel = regexp.MustCompile(`(?m)^[ \t]*@[\w.]+\([^\n]*\bresponse_model\s*=`)

var (
	drfClass  = regexp.MustCompile(`(?m)^class\s+\w+\(\s*(?:serializers\.)?(?:Hyperlinked)?ModelSerializer\s*\)\s*:`)
	drfModel  = regexp.MustCompile(`(?m)^\s+model\s*=\s*([\w.]+)`)
	drfAll    = regexp.MustCompile(`(?m)^\s+fields\s*=\s*['"]__all__['"]`)
	nextClass = regexp.MustCompile(`(?m)^\S`)
)

// Detect implements detector.Detector.
func (d *Detector) Detect(ctx context.Context, f *detector.File, _ *detector.Sink) error {
	l := lang.Of(f.Path)
	src := code.Stripped(f)
	var hidden, structs, plain []string
	var via map[string][]string
	if ms := userdata.FileModels(ctx, f); len(ms) > 0 && hides.Match(src) {
		for _, m := range ms {
			hidden = append(hidden, m.Name)
		}
	}
	if l.Family() == lang.Go {
		structs, via, plain = goSecretStructs(f)
	}
	var sers []serializer
	var declared []string
	if l.Family() == lang.Python {
		sers = drfSerializers(f.Path, src)
		lines := code.NewLines(src)
		for _, m := range responseModel.FindAllIndex(src, -1) {
			declared = append(declared, f.Path+":"+strconv.Itoa(lines.At(m[0])))
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, m := range hidden {
		d.hidden[m] = true
	}
	for _, s := range structs {
		d.structs[s] = true
	}
	for s, ts := range via {
		d.via[s] = append(d.via[s], ts...)
	}
	for _, s := range plain {
		d.plain[s] = true
	}
	d.serializers = append(d.serializers, sers...)
	for _, k := range declared {
		d.declared[k] = true
	}
	return nil
}

// goSecretStructs lists the struct types of a Go file with a secret field
// that encoding/json writes out: exported, not tagged json:"-", and of a
// type that can hold a secret (a string or bytes, or a type of its own; a
// number, a flag or a time holds none: AccessTokenDurationMinutes int64).
// A secret-named field of another struct type, or an embedded struct,
// makes the struct secret only when that type is (via: a list of secret
// ids and prefixes is no secret); plain are the structs with neither.
func goSecretStructs(f *detector.File) (out []string, via map[string][]string, plain []string) {
	file, _, err := f.GoSyntax()
	if err != nil {
		return nil, nil, nil
	}
	via = map[string][]string{}
	ast.Inspect(file, func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSpec)
		if !ok {
			return true
		}
		st, ok := ts.Type.(*ast.StructType)
		if !ok {
			return true
		}
		secret := false
		for _, fld := range st.Fields.List {
			tag := ""
			if fld.Tag != nil {
				tag, _ = strconv.Unquote(fld.Tag.Value)
			}
			name, _, _ := strings.Cut(reflect.StructTag(tag).Get("json"), ",")
			if name == "-" {
				continue
			}
			kind, typeName := fieldType(fld.Type)
			if len(fld.Names) == 0 {
				if typeName != "" {
					// Embedded: its fields are the struct's own, a
					// secret only if one of them is.
					via[ts.Name.Name] = append(via[ts.Name.Name], "~"+typeName)
				}
				continue
			}
			for _, id := range fld.Names {
				if !id.IsExported() || !SecretField(id.Name) && !SecretField(name) {
					continue
				}
				switch kind {
				case typeValue:
					secret = true
				case typeNamed:
					via[ts.Name.Name] = append(via[ts.Name.Name], typeName)
				}
			}
		}
		switch {
		case secret:
			out = append(out, ts.Name.Name)
		case len(via[ts.Name.Name]) == 0:
			plain = append(plain, ts.Name.Name)
		}
		return true
	})
	return out, via, plain
}

const (
	typeNone  = iota // a number, a flag, a time: no secret fits
	typeValue        // a string or bytes
	typeNamed        // another type of the app's: secret if it is
)

// fieldType is what a struct field's type can hold, and the name of the
// app's own type it is (less pointers, slices and its package).
func fieldType(e ast.Expr) (int, string) {
	switch t := e.(type) {
	case *ast.StarExpr:
		return fieldType(t.X)
	case *ast.ArrayType:
		if id, ok := t.Elt.(*ast.Ident); ok && (id.Name == "byte" || id.Name == "uint8") {
			return typeValue, ""
		}
		return fieldType(t.Elt)
	case *ast.Ident:
		switch t.Name {
		case "string", "any", "interface{}":
			return typeValue, ""
		case "bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "float32", "float64", "byte", "rune":
			return typeNone, ""
		}
		return typeNamed, t.Name
	case *ast.SelectorExpr:
		if x, ok := t.X.(*ast.Ident); ok && x.Name == "time" {
			return typeNone, ""
		}
		return typeNamed, t.Sel.Name
	}
	return typeValue, ""
}

// secretStructs resolves the structs whose secret comes through another
// struct type: secret when that type is, or when a secret-named field's
// type is no struct of the app's (a type of its own over a string, a
// library's); an embedded library struct brings no secret.
func (d *Detector) secretStructs() map[string]bool {
	out := map[string]bool{}
	for s := range d.structs {
		out[s] = true
	}
	for range 4 {
		grew := false
		for s, ts := range d.via {
			if out[s] {
				continue
			}
			for _, t := range ts {
				embedded := strings.HasPrefix(t, "~")
				t = strings.TrimPrefix(t, "~")
				known := d.plain[t] || d.via[t] != nil || d.structs[t]
				if out[t] || !known && !embedded {
					out[s], grew = true, true
					break
				}
			}
		}
		if !grew {
			break
		}
	}
	return out
}

// drfSerializers lists the ModelSerializers of a file that take every
// field of their model.
func drfSerializers(path string, src []byte) []serializer {
	var out []serializer
	lines := code.NewLines(src)
	for _, m := range drfClass.FindAllIndex(src, -1) {
		body := src[m[1]:]
		if e := nextClass.FindIndex(body); e != nil {
			body = body[:e[0]]
		}
		model, all := drfModel.FindSubmatch(body), drfAll.FindIndex(body)
		if model == nil || all == nil {
			continue
		}
		name := string(model[1])
		if i := strings.LastIndexByte(name, '.'); i >= 0 {
			name = name[i+1:]
		}
		out = append(out, serializer{model: name, at: facts.Evidence{File: path, Line: lines.At(m[1] + all[0] + 1)}})
	}
	return out
}

// Finish implements detector.Finisher: serializers and handlers that hand
// a secret-bearing model to the client.
func (d *Detector) Finish(ctx context.Context, out *detector.Sink) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	secret := map[string]bool{}
	for _, a := range out.Assets() {
		if a.Kind != userdata.KindUserData || d.hidden[a.Name] {
			continue
		}
		for _, f := range a.Fields {
			if SecretField(f) {
				secret[a.Name] = true
			}
		}
	}
	for s := range d.secretStructs() {
		if !d.hidden[s] {
			secret[s] = true
		}
	}
	for _, s := range d.serializers {
		if secret[s.model] {
			out.AddWeakness(facts.Weakness{ID: detector.ID("weakness", Kind, s.at.File, s.model), Kind: Kind,
				Detail:   "a serializer returns every field of " + s.model + ", its secrets included",
				Evidence: []facts.Evidence{s.at}})
		}
	}
	if len(secret) == 0 {
		return nil
	}
	names := make([]string, 0, len(secret))
	for n := range secret {
		names = append(names, n)
	}
	sort.Strings(names)
	finders := newFinders(names)
	for _, r := range out.Routes() {
		if err := ctx.Err(); err != nil {
			return err
		}
		if r.Body == "" || r.Condition != "" || d.declared[r.File+":"+strconv.Itoa(r.Line)] {
			continue
		}
		if model, i, ok := finders.exposed(&r); ok {
			at := bodyLine(&r, i)
			out.AddWeakness(facts.Weakness{ID: detector.ID("weakness", Kind, at.File, model), Kind: Kind,
				Detail: "the handler returns a whole " + model + " record, its secrets included", Evidence: []facts.Evidence{at}, Routes: []string{r.ID}})
		}
	}
	return nil
}

// bodyLine is the place of offset i of a route's handler code.
func bodyLine(r *facts.Route, i int) facts.Evidence {
	if r.HandlerFile != "" && r.HandlerLine > 0 {
		return facts.Evidence{File: r.HandlerFile, Line: r.HandlerLine + strings.Count(r.Body[:i], "\n")}
	}
	if r.EndLine > 0 {
		return facts.Evidence{File: r.File, Line: r.EndLine - strings.Count(r.Body[i:], "\n")}
	}
	return facts.Evidence{File: r.File, Line: r.Line + strings.Count(r.Body[:i], "\n")}
}
