package model

import "testing"

func TestControlFor(t *testing.T) {
	th := &Threat{Controls: []Control{
		{Text: "Rate limit per account", Status: Implemented},
		{Text: "Budget cap", Status: Planned, Check: "budget-cap"},
		{Text: "Captcha on sign-up", Status: Planned, Check: "captcha"},
	}}
	tests := []struct {
		name string
		c    Control
		skip func(int) bool
		want int
	}{
		{"by check", Control{Text: "A hard cap", Check: "budget-cap"}, nil, 1},
		{"by text, hand-written", Control{Text: "rate  limit per account.", Check: "rate-limit"}, nil, 0},
		{"text of a control under another check", Control{Text: "Captcha on sign-up", Check: "bot-check"}, nil, -1},
		{"a probe without check matches any text", Control{Text: "CAPTCHA on sign-up"}, nil, 2},
		{"skipped", Control{Text: "Rate limit per account", Check: "rate-limit"}, func(i int) bool { return i == 0 }, -1},
		{"nothing alike", Control{Text: "WAF", Check: "waf"}, nil, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := th.ControlFor(tt.c, tt.skip); got != tt.want {
				t.Errorf("ControlFor(%+v) = %d, want %d", tt.c, got, tt.want)
			}
		})
	}
}
