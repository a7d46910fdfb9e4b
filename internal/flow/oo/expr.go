package oo

import (
	"strings"

	"github.com/threatmap/threatmap/internal/flow"
)

// maxNote is how much of the code a path step quotes.
const maxNote = 60

// ClipText caps the literal text a value keeps.
func ClipText(s string) string {
	if len(s) > 240 {
		return s[:240]
	}
	return s
}

// Clip is code quoted in a path step: one line, at most maxNote long.
func Clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > maxNote {
		return s[:maxNote-1] + "…"
	}
	return s
}

// WithPath is e with an access appended to every reference.
func WithPath(e flow.Expr, part string) flow.Expr {
	out := e
	out.Refs = make([]flow.Ref, len(e.Refs))
	for i, r := range e.Refs {
		r.Path = flow.JoinPath(r.Path, part)
		out.Refs[i] = r
	}
	return out
}

// JoinExpr joins two values as text put together: b after a.
func JoinExpr(a, b flow.Expr) flow.Expr {
	out := flow.Expr{Refs: append(append([]flow.Ref(nil), a.Refs...), b.Refs...), Built: a.Built || b.Built,
		Fields: a.Fields || b.Fields, Text: ClipText(a.Text + b.Text)}
	switch {
	case len(a.Refs) > 0:
		out.Lead, out.Chosen = a.Lead, a.Chosen
	case a.Chosen:
		out.Chosen = true
	default:
		out.Lead = a.Text + b.Lead
		out.Chosen = a.Text == "" && b.Chosen
	}
	return out
}

// Val is a lowered expression.
type Val struct {
	E flow.Expr
	// Plain: one reference and only accesses after it.
	Plain bool
	// Typ is the value's declared type, if known (simple name); Static
	// is a class named for a static call (Runtime, File).
	Typ    string
	Static bool
	// Lit is the text of a string literal (IsLit), or the class a
	// static member is read from.
	Lit   string
	IsLit bool
	// Local is the name when the value is a local read as it is.
	Local string
	// Norm: a path with its dot segments resolved.
	Norm bool
}

// Given fills a call's arguments and, for a method of a value (not the
// class's own, not a static one), the receiver's value: a library
// method's result is its receiver's data, and with pass (a builder's
// append, a path's resolve) its arguments' too.
func Given(op *flow.Op, ci *Call, recv Val, args []Val, pass bool) {
	for _, a := range args {
		op.Args = append(op.Args, a.E)
	}
	if ci.Self || recv.Static || recv.E.Empty() {
		return
	}
	re := recv.E
	if pass {
		for _, a := range args {
			re = JoinExpr(re, a.E)
		}
	}
	op.Callee.RecvExpr = &re
}

// Member is o.field: a plain reference gains the access; anything else
// keeps what it reads.
func Member(o Val, field string) Val {
	out := Val{E: o.E, Plain: o.Plain}
	if o.Plain && len(o.E.Refs) == 1 {
		out.E = WithPath(o.E, "."+field)
		out.E.Text = ""
	}
	return out
}

// Formatted is text built from a format (fixed says it is a literal,
// whose text up to the first placeholder mark leads) and the values
// pasted into it.
func Formatted(format string, fixed bool, mark byte, args []Val, typ string) Val {
	var out flow.Expr
	for _, a := range args {
		out = JoinExpr(out, a.E)
	}
	out.Text = ClipText(format + out.Text)
	if fixed {
		out.Lead = format
		if i := strings.IndexByte(format, mark); i >= 0 {
			out.Lead = format[:i]
		}
	}
	out.Built = true
	return Val{E: out, Typ: typ}
}

// Shells are the programs that run their -c (or /c) argument as a
// command line.
var Shells = map[string]bool{"bash": true, "sh": true, "zsh": true, "cmd": true, "cmd.exe": true, "powershell": true,
	"powershell.exe": true, "pwsh": true, "/bin/sh": true, "/bin/bash": true, "/usr/bin/bash": true, "/bin/zsh": true, "ksh": true}
