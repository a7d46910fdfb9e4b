package golang

import (
	"go/ast"

	"github.com/threatmap/threatmap/internal/detector/route"
)

// serveMux is net/http's ServeMux (and the package-level http.Handle):
// Handle and HandleFunc take a pattern that may carry a method and host.
var serveMux = framework{
	name: netHTTP,
	methods: map[string]routerMethod{
		"Handle":     muxHandle,
		"HandleFunc": muxHandle,
	},
	vocab: route.Vocabulary{Upload: []string{"FormFile", "MultipartForm"}},
}

func muxHandle(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	if a := c.Args; len(a) >= 2 {
		fr.register(n, "ANY", a[0], a[1], nil, c, true)
	}
	return nil, true
}
