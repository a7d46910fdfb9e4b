// Package leakrules reads gitleaks' default rules, embedded in the gitleaks
// module, once per process: the secret detector runs them over files and
// redact over printed text, and both share the one parsed copy (reading
// and compiling the rules costs about 70 ms).
package leakrules

import (
	"fmt"
	"strings"
	"sync"

	"github.com/spf13/viper"
	"github.com/zricethezav/gitleaks/v8/config"
)

// Default returns gitleaks' default configuration. The rules' regexes are
// safe for concurrent use; callers must not modify the configuration.
var Default = sync.OnceValues(load)

// Viper keeps global state, so the rules are read through a private instance.
func load() (config.Config, error) {
	v := viper.New()
	v.SetConfigType("toml")
	if err := v.ReadConfig(strings.NewReader(config.DefaultConfig)); err != nil {
		return config.Config{}, fmt.Errorf("read gitleaks rules: %w", err)
	}
	var vc config.ViperConfig
	if err := v.Unmarshal(&vc); err != nil {
		return config.Config{}, fmt.Errorf("read gitleaks rules: %w", err)
	}
	cfg, err := vc.Translate()
	if err != nil {
		return config.Config{}, fmt.Errorf("compile gitleaks rules: %w", err)
	}
	return cfg, nil
}
