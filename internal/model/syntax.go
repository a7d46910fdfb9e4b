package model

import (
	"errors"
	"strconv"

	goccy "github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/parser"
)

// SyntaxProblem is yaml.v3's error for a file that is not YAML, at the
// line and column where the text stops being YAML. yaml.v3 says only a
// line, and often the line of the enclosing block (line 1 for a key
// mis-indented on line 4), never a column. goccy/go-yaml's parser, run
// only to place the error yaml.v3 found, reports the token where it is;
// when it finds no error, or one above yaml.v3's line (the parsers
// disagree), yaml.v3's line stands, at column 1.
func SyntaxProblem(name string, data []byte, err error) Problem {
	line, msg := 1, err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		if m[1] != "" {
			line, _ = strconv.Atoi(m[1])
		}
		msg = m[2]
	}
	p := Problem{File: name, Line: line, Col: 1, Msg: "not valid YAML: " + msg}
	if l, c, m, ok := locate(data); ok && l >= line {
		p.Line, p.Col, p.Msg = l, c, "not valid YAML: "+m
	}
	return p
}

// locate runs goccy's parser over data for the position of its first
// syntax error. A panic in it is no position, never a crash.
func locate(data []byte) (line, col int, msg string, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	_, err := parser.ParseBytes(data, 0, parser.AllowDuplicateMapKey())
	var se *goccy.SyntaxError
	if !errors.As(err, &se) || se.Token == nil || se.Token.Position == nil || se.Token.Position.Line < 1 || se.Token.Position.Column < 1 {
		return 0, 0, "", false
	}
	return se.Token.Position.Line, se.Token.Position.Column, se.Message, true
}
