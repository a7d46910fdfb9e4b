package main

import "github.com/valyala/fasthttp"

// warmer has a router's method names, but GET fetches a page to fill a
// cache: nothing is served.
type warmer struct{ pages map[string][]byte }

func (w *warmer) GET(url string, done func(body []byte)) {
	_, body, _ := fasthttp.Get(nil, url)
	done(body)
}

func warm() {
	w := &warmer{pages: map[string][]byte{}}
	w.GET("/reports/daily", func(body []byte) { w.pages["daily"] = body })
}
