package main

import (
	"context"

	"github.com/gogf/gf/v2/frame/g"
)

// report posts to another service with GoFrame's client: a call out.
func report(ctx context.Context) {
	g.Client().Post(ctx, "/api/reports", g.Map{"ok": true})
	g.Log().Info(ctx, "reported")
}
