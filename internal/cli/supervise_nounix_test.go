//go:build !unix

package cli

var platformCrashes []exitCase
