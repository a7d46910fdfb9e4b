package config

func broken( {
	x := os.Getenv("BROKEN_GO_API_KEY") // want: credential BROKEN_GO_API_KEY secret -
