package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestServicesCmd(t *testing.T) {
	tests := []struct {
		args     []string
		code     int
		contains string
	}{
		{[]string{"services"}, ExitOK, "openai"},
		{[]string{"services", "--format", "json"}, ExitOK, `"id": "stripe"`},
		{[]string{"services", "--format", "xml"}, ExitUsage, ""},
		{[]string{"services", "extra"}, ExitUsage, ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := Run(tt.args, &out, &errOut); code != tt.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.code, errOut.String())
			}
			if !strings.Contains(out.String(), tt.contains) {
				t.Errorf("output lacks %q:\n%s", tt.contains, out.String())
			}
		})
	}
	var out bytes.Buffer
	Run([]string{"services", "-f", "json"}, &out, &bytes.Buffer{})
	var list []map[string]any
	if err := json.Unmarshal(out.Bytes(), &list); err != nil || len(list) == 0 {
		t.Errorf("json output does not decode to a list: %v", err)
	}
}
