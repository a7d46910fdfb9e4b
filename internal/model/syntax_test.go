package model

import (
	"bytes"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestSyntaxProblem: a file that is not YAML is reported where the text
// stops being YAML, line and column, not at the enclosing block's line.
func TestSyntaxProblem(t *testing.T) {
	tests := []struct {
		name, text string
		line, col  int
		msg        string
	}{
		{"unclosed flow sequence", "fail-on: [error\n", 1, 10, "sequence end token ']' not found"},
		{"unterminated string", "ignore:\n  - kind: drift\n    reason: \"x\n", 3, 13, "double-quoted"},
		{"key indented one space short", "ignore:\n  - kind: drift\n    path: a\n   reason: b\n", 4, 4, "not allowed in this context"},
		{"tab indentation", "ignore:\n\t- kind: drift\n", 2, 1, "cannot start any token"},
		{"a mapping value inside a plain scalar", "version: 1\nproduct: a: b\n", 2, 10, "not allowed in this context"},
		// yaml.v3 refuses what goccy's parser accepts: yaml.v3's line stands.
		{"unknown alias", "a: 1\nb: *nope\n", 1, 1, "unknown anchor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var n yaml.Node
			err := yaml.NewDecoder(bytes.NewReader([]byte(tt.text))).Decode(&n)
			if err == nil {
				t.Fatal("yaml.v3 accepts it")
			}
			p := SyntaxProblem("c.yaml", []byte(tt.text), err)
			if p.Line != tt.line || p.Col != tt.col || !bytes.Contains([]byte(p.Msg), []byte(tt.msg)) {
				t.Errorf("got %s, want c.yaml:%d:%d: ...%s...", p, tt.line, tt.col, tt.msg)
			}
		})
	}
}
