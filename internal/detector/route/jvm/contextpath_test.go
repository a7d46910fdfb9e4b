package jvm

import "testing"

func TestContextPath(t *testing.T) {
	tests := []struct {
		name, path, data, want string
	}{
		{"properties", "src/main/resources/application.properties", "server.port=8080\nserver.servlet.context-path=/portal\n", "/portal"},
		{"properties colon", "application.properties", "server.servlet.context-path: /portal/\n", "/portal"},
		{"webflux", "application.properties", "spring.webflux.base-path=/api\n", "/api"},
		{"commented", "application.properties", "# server.servlet.context-path=/portal\n", ""},
		{"placeholder", "application.properties", "server.servlet.context-path=${CTX:/x}\n", ""},
		{"root", "application.properties", "server.servlet.context-path=/\n", ""},
		{"yaml nested", "application.yml", "server:\n  servlet:\n    context-path: /app\n", "/app"},
		{"yaml dotted", "application.yaml", "server:\n  servlet.context-path: app\n", "/app"},
		{"yaml whole key", "application.yml", "server.servlet.context-path: /app\n", "/app"},
		{"yaml other keys", "application.yml", "server:\n  port: 80\n", ""},
		{"yaml broken", "application.yml", "server: [\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := contextPath(tt.path, []byte(tt.data)); got != tt.want {
				t.Errorf("contextPath = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestIsAppConfig(t *testing.T) {
	for p, want := range map[string]bool{
		"src/main/resources/application.yml":            true,
		"api/src/main/resources/application.properties": true,
		"src/main/resources/application-dev.yml":        false,
		"src/test/resources/application.yml":            false,
		"config/settings.yml":                           false,
	} {
		if got := isAppConfig(p); got != want {
			t.Errorf("isAppConfig(%q) = %v, want %v", p, got, want)
		}
	}
}
