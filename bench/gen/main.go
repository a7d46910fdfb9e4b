// Command gen writes a deterministic mixed-language tree for benchmarks:
// Go, JavaScript/TypeScript and Python services, YAML manifests and CI,
// Terraform, lockfiles, minified bundles and binary assets, with a few
// fake secrets that gitleaks and threatmap both find. The same -seed and
// -size always give the same bytes, so a benchmark reproduces without a
// download.
//
//	go run ./bench/gen -size 250MB -out DIR
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("gen", flag.ContinueOnError)
	size := fl.String("size", "250MB", "approximate total size of the tree (KB, MB, GB)")
	out := fl.String("out", "", "folder to write the tree into (created; must be empty or absent)")
	seed := fl.Uint64("seed", 1, "seed of the generator: the same seed and size give the same tree")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return errors.New("-out is required")
	}
	total, err := parseSize(*size)
	if err != nil {
		return err
	}
	if entries, err := os.ReadDir(*out); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty", *out)
	}
	st, err := Generate(*out, total, *seed)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d files, %d bytes (%d fake secrets) to %s\n", st.Files, st.Bytes, st.Secrets, *out)
	return nil
}

// parseSize reads "250MB", "1GB", "512KB" or a byte count (powers of 1000,
// as sizes of trees are usually quoted).
func parseSize(s string) (int64, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3}, {"B", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSuffix(s, u.suffix), u.mult
			break
		}
	}
	n, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("bad -size %q: want a number with KB, MB or GB", s)
	}
	return int64(n * float64(mult)), nil
}
