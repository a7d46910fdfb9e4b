// Lookalike: qmgo is Qiniu's MongoDB client, not its object storage; the
// data goes to the operator's MongoDB.
package store

import (
	"context"

	"github.com/qiniu/qmgo"
)

func Open(ctx context.Context, uri string) (*qmgo.Client, error) {
	return qmgo.NewClient(ctx, &qmgo.Config{Uri: uri})
}
