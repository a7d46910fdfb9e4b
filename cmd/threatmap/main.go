// Command threatmap drafts a one-page threat model from a repository's
// code, keeps it in the repository as threatmap.yaml, and checks it in CI.
package main

import (
	"os"

	"github.com/threatmap/threatmap/internal/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
