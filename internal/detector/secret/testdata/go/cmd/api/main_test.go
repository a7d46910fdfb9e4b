package main

import "testing"

func TestLogin(t *testing.T) {
	password := "hunter2-test"
	signingKey := []byte("test-signing-key")
	if password != input(t) || len(signingKey) == 0 {
		t.Fatal("mismatch")
	}
}
