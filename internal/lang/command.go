package lang

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
)

// A command-line command is code an operator runs from a shell on the
// server (flask translate, php artisan x, manage.py x, a cobra
// subcommand, a Spring runner given the process's arguments): its file
// may be one the app imports, so its path and its importers say App, but
// no request reaches the function. Commands finds such functions by how
// they are registered, per language, as spans of lines; the scan keeps
// them beside the files' roles (facts.Facts.RoleAt), so a finding inside
// one has the role Span.Role gives, and the same finding in a route
// handler of the same file stays the app's.

// Span is the lines of one command's code, and how it is registered.
type Span struct {
	Start, End int    // 1-based, inclusive
	How        string // "@translate.command", "extends Command"
}

// Role is the role of code inside the span: a script an operator runs,
// which needs shell access to the server.
func (s Span) Role() Role {
	return Role{Kind: Script, noun: "CLI command", why: "registered with " + s.How, need: cliNeed, req: cliRequires}
}

const (
	cliNeed     = "needs shell access to the server"
	cliRequires = "shell access to the server, where an operator runs the command"
)

// SpanAt is the span of spans that holds line, the innermost.
func SpanAt(spans []Span, line int) (Span, bool) {
	var best Span
	found := false
	for _, s := range spans {
		if s.Start <= line && line <= s.End && (!found || s.End-s.Start < best.End-best.Start) {
			best, found = s, true
		}
	}
	return best, found
}

// Commands are the spans of the command-line commands a file registers.
func Commands(p string, src []byte) []Span {
	switch Of(p) {
	case Python:
		if bytes.Contains(src, []byte("command")) || bytes.Contains(src, []byte("Command")) {
			return pyCommands(string(src))
		}
	case PHP:
		if bytes.Contains(src, []byte("Command")) || bytes.Contains(src, []byte("Artisan::command")) {
			return phpCommands(string(src))
		}
	case Java:
		if bytes.Contains(src, []byte("Runner")) {
			return javaCommands(string(src))
		}
	case Go:
		if bytes.Contains(src, []byte("cobra.Command{")) {
			return goCommands(string(src))
		}
	}
	return nil
}

var (
	pyDecorator = regexp.MustCompile(`^\s*@([\w.]+)\.(command|group)\s*(?:\(|$)`)
	// A click group, a Flask AppGroup or a Typer app assigned to a name:
	// its .command decorator registers a command.
	pyGroupAssign = regexp.MustCompile(`^\s*(\w+)\s*(?::[^=]*)?=\s*(?:typer\.Typer|Typer|click\.Group|AppGroup|(?:flask\.)?cli\.AppGroup|click\.CommandCollection)\(`)
	pyAddCommand  = regexp.MustCompile(`([\w.]+)\.add_command\(\s*(\w+)`)
	pyDef         = regexp.MustCompile(`^(\s*)(?:async\s+)?def\s+(\w+)`)
	pyClass       = regexp.MustCompile(`^(\s*)class\s+\w+\s*\(([^)]*)\)\s*:`)
	// Django's management command bases.
	djangoCommand = regexp.MustCompile(`(?:^|[\s,.])(?:BaseCommand|LabelCommand|AppCommand)\s*(?:,|$)`)
)

// pyCommands: functions decorated as click or Typer commands (a Flask
// app's or blueprint's .cli, click itself, or a group or Typer app of the
// file), functions handed to add_command, and Django command classes.
func pyCommands(src string) []Span {
	lines := strings.Split(src, "\n")
	groups := map[string]bool{}
	for _, l := range lines {
		if m := pyGroupAssign.FindStringSubmatch(l); m != nil {
			groups[m[1]] = true
		}
	}
	cli := func(recv string) bool {
		return recv == "click" || strings.HasSuffix(recv, ".cli") || groups[recv]
	}
	// Groups decorated as groups of groups: a fixed point, in the order
	// the file defines them.
	for changed := true; changed; {
		changed = false
		for i, l := range lines {
			m := pyDecorator.FindStringSubmatch(l)
			if m == nil || m[2] != "group" || !cli(m[1]) {
				continue
			}
			if name, _, ok := pyDefAfter(lines, i); ok && !groups[name] {
				groups[name] = true
				changed = true
			}
		}
	}
	var out []Span
	for i, l := range lines {
		if m := pyDecorator.FindStringSubmatch(l); m != nil && cli(m[1]) {
			if _, d, ok := pyDefAfter(lines, i); ok {
				out = append(out, Span{Start: i + 1, End: pyBlockEnd(lines, d), How: "@" + m[1] + "." + m[2]})
			}
			continue
		}
		if m := pyAddCommand.FindStringSubmatch(l); m != nil && cli(m[1]) {
			for j, dl := range lines {
				if dm := pyDef.FindStringSubmatch(dl); dm != nil && dm[2] == m[2] {
					out = append(out, Span{Start: j + 1, End: pyBlockEnd(lines, j), How: m[1] + ".add_command"})
					break
				}
			}
			continue
		}
		if m := pyClass.FindStringSubmatch(l); m != nil && djangoCommand.MatchString(m[2]) && strings.Contains(src, "django") {
			out = append(out, Span{Start: i + 1, End: pyBlockEnd(lines, i), How: "a Django management command class"})
		}
	}
	return out
}

// pyDefAfter is the function a decorator at line i decorates: its name
// and the index of its def line.
func pyDefAfter(lines []string, i int) (string, int, bool) {
	ind := IndentWidth(lines[i], 8)
	for j := i + 1; j < len(lines) && j < i+40; j++ {
		if m := pyDef.FindStringSubmatch(lines[j]); m != nil {
			return m[2], j, true
		}
		// Other decorators, comments and a decorator's continued
		// arguments may come between; any other statement may not.
		t := strings.TrimSpace(lines[j])
		if t != "" && t[0] != '@' && t[0] != '#' && t[0] != ')' && IndentWidth(lines[j], 8) <= ind {
			return "", 0, false
		}
	}
	return "", 0, false
}

// pyBlockEnd is the last line (1-based) of the block a def or class at
// index d opens: its signature to the colon, then every line indented
// deeper than it, blank lines inside included.
func pyBlockEnd(lines []string, d int) int {
	ind := IndentWidth(lines[d], 8)
	j, depth := d, 0
	for ; j < len(lines); j++ {
		for _, c := range lines[j] {
			switch c {
			case '(', '[', '{':
				depth++
			case ')', ']', '}':
				depth--
			}
		}
		if depth <= 0 {
			break
		}
	}
	end := j
	for k := j + 1; k < len(lines); k++ {
		if strings.TrimSpace(lines[k]) == "" {
			continue
		}
		if IndentWidth(lines[k], 8) <= ind {
			break
		}
		end = k
	}
	return end + 1
}

// IndentWidth is a line's indentation width, a tab counted as tabWidth
// spaces (8 is Python's rule; readers of brace languages use 4).
func IndentWidth(l string, tabWidth int) int {
	n := 0
	for _, c := range l {
		switch c {
		case ' ':
			n++
		case '\t':
			n += tabWidth
		default:
			return n
		}
	}
	return n
}

var (
	phpClass   = regexp.MustCompile(`(?m)^[ \t]*(?:(?:final|abstract|readonly)\s+)*class\s+\w+\s+extends\s+\\?([\w\\]+)`)
	phpArtisan = regexp.MustCompile(`Artisan::command\s*\(`)
)

// phpCommands: Laravel Artisan and Symfony Console command classes (a
// class extending a *Command of either console), and Artisan::command
// closures (routes/console.php).
func phpCommands(src string) []Span {
	var out []Span
	console := strings.Contains(src, `Illuminate\Console\`) || strings.Contains(src, `Symfony\Component\Console\`)
	for _, m := range phpClass.FindAllStringSubmatchIndex(src, -1) {
		base := src[m[2]:m[3]]
		if i := strings.LastIndexByte(base, '\\'); i >= 0 {
			base = base[i+1:]
		}
		if !strings.HasSuffix(base, "Command") || !console && !strings.Contains(src[m[2]:m[3]], `Console\`) {
			continue
		}
		if s, ok := braceSpan(src, m[0], "extends "+base); ok {
			out = append(out, s)
		}
	}
	for _, m := range phpArtisan.FindAllStringIndex(src, -1) {
		if s, ok := braceSpan(src, m[0], "Artisan::command"); ok {
			out = append(out, s)
		}
	}
	return out
}

var (
	javaRunnerClass  = regexp.MustCompile(`\bclass\s+\w+[^{;]*\bimplements\b[^{;]*\b(CommandLineRunner|ApplicationRunner)\b`)
	javaRunnerMethod = regexp.MustCompile(`\b(CommandLineRunner|ApplicationRunner)\s+\w+\s*\(`)
	javaRunMethod    = regexp.MustCompile(`\bvoid\s+run\s*\(`)
)

// javaCommands: Spring's CommandLineRunner and ApplicationRunner, given
// the process's arguments at start: a runner class's run method, or a
// bean method that returns a runner.
func javaCommands(src string) []Span {
	var out []Span
	for _, m := range javaRunnerClass.FindAllStringSubmatchIndex(src, -1) {
		how := src[m[2]:m[3]]
		cls, ok := braceSpan(src, m[0], how)
		if !ok {
			continue
		}
		// The run method only: a class may serve routes too.
		open := openBrace(src, m[0])
		if r := javaRunMethod.FindStringIndex(src[open:]); r != nil {
			if s, ok := braceSpan(src, open+r[0], how); ok && s.End <= cls.End {
				out = append(out, s)
				continue
			}
		}
		out = append(out, cls)
	}
	for _, m := range javaRunnerMethod.FindAllStringSubmatchIndex(src, -1) {
		if s, ok := braceSpan(src, m[0], "a "+src[m[2]:m[3]]+" bean"); ok {
			out = append(out, s)
		}
	}
	return out
}

var (
	cobraUse = regexp.MustCompile(`\bUse:\s*"(\w[\w-]*)`)
	cobraRun = regexp.MustCompile(`\b(?:Pre)?RunE?:\s*(\w+)\s*[,\n}]`)
	goServes = regexp.MustCompile(`ListenAndServe|\.Serve\(|\.Listen\(|\.Run\(":|\.Start\(":`)
)

// serveUses are the names a server's own command goes by: it is how the
// product runs in production, not an operator's tool.
var serveUses = []string{"serve", "server", "start", "run", "web", "daemon", "api", "http"}

// goCommands: cobra commands and the functions they run, but not the one
// that starts the server (named serve, or whose code starts listening).
func goCommands(src string) []Span {
	var out []Span
	for from := 0; ; {
		i := strings.Index(src[from:], "cobra.Command{")
		if i < 0 {
			break
		}
		i += from
		from = i + len("cobra.Command{")
		lit, ok := braceSpan(src, i, "a cobra command")
		if !ok {
			continue
		}
		end := braceEnd(src, i+len("cobra.Command"))
		body := src[i:end]
		use := ""
		if m := cobraUse.FindStringSubmatch(body); m != nil {
			use = m[1]
			lit.How = "cobra command " + use
		}
		if slices.Contains(serveUses, strings.ToLower(use)) || use == "" && strings.Contains(body, "Use:") {
			continue
		}
		spans := []Span{lit}
		for _, m := range cobraRun.FindAllStringSubmatch(body, -1) {
			if m[1] == "nil" || m[1] == "func" {
				continue
			}
			if j := strings.Index(src, "func "+m[1]+"("); j >= 0 {
				if s, ok := braceSpan(src, j, lit.How); ok {
					spans = append(spans, s)
				}
			}
		}
		serves := false
		for _, s := range spans {
			if goServes.MatchString(linesOf(src, s)) {
				serves = true
			}
		}
		if !serves {
			out = append(out, spans...)
		}
	}
	return out
}

// linesOf is the text of a span's lines.
func linesOf(src string, s Span) string {
	lines := strings.SplitN(src, "\n", s.End+1)
	if s.End > len(lines) {
		return strings.Join(lines[s.Start-1:], "\n")
	}
	return strings.Join(lines[s.Start-1:s.End], "\n")
}

// braceSpan is the span from the line of src[at] to the line of the
// brace that closes the first one opened after at.
func braceSpan(src string, at int, how string) (Span, bool) {
	open := openBrace(src, at)
	if open < 0 {
		return Span{}, false
	}
	end := braceEnd(src, open)
	if end < 0 {
		return Span{}, false
	}
	return Span{Start: lineAt(src, at), End: lineAt(src, end), How: how}, true
}

// openBrace is the index of the first brace at or after at outside a
// string ('cache:warm {host}' is a command's signature); -1 if none.
func openBrace(src string, at int) int {
	for i := at; i < len(src); i++ {
		switch c := src[i]; c {
		case '{':
			return i
		case '"', '\'', '`':
			for i++; i < len(src) && src[i] != c; i++ {
				if src[i] == '\\' && c != '`' {
					i++
				}
			}
		}
	}
	return -1
}

// braceEnd is the index of the brace that closes the one at src[open],
// strings and comments skipped; -1 when it never closes.
func braceEnd(src string, open int) int {
	depth := 0
	for i := open; i < len(src); i++ {
		switch c := src[i]; c {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		case '"', '\'', '`':
			for i++; i < len(src) && src[i] != c; i++ {
				if src[i] == '\\' && c != '`' {
					i++
				}
			}
		case '/':
			if i+1 < len(src) && src[i+1] == '/' {
				for i < len(src) && src[i] != '\n' {
					i++
				}
			} else if i+1 < len(src) && src[i+1] == '*' {
				if j := strings.Index(src[i+2:], "*/"); j >= 0 {
					i += j + 3
				} else {
					return -1
				}
			}
		case '#':
			if i+1 < len(src) && src[i+1] != '[' { // a PHP comment, not an attribute
				for i < len(src) && src[i] != '\n' {
					i++
				}
			}
		}
	}
	return -1
}

func lineAt(src string, i int) int { return strings.Count(src[:i], "\n") + 1 }

// BraceEnd is the index of the brace that closes the one at src[open],
// strings and comments skipped; -1 when it never closes.
func BraceEnd(src string, open int) int { return braceEnd(src, open) }
