package main

var jwtKey = []byte("unterminated
func broken( {
	token.SignedString([]byte(
