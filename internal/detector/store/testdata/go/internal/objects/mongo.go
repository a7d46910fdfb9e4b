// Lookalike: the same vendor's MongoDB client keeps no bucket of its own.
package objects

import (
	"context"

	"github.com/qiniu/qmgo"
)

func Open(ctx context.Context, uri string) (*qmgo.Client, error) {
	return qmgo.NewClient(ctx, &qmgo.Config{Uri: uri})
}
