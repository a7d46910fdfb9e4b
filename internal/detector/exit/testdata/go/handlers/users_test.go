package handlers

import "testing"

func TestX(t *testing.T) {
	gin.SetMode(gin.DebugMode)
	log.Printf("%v", r.Header)
}
