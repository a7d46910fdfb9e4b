package graph

import (
	"context"
	"errors"
)

func (r *mutationResolver) CreateTodo(ctx context.Context, text string) (*Todo, error) {
	t := &Todo{ID: "1", Text: text}
	r.todos = append(r.todos, t)
	return t, nil
}

func (r *mutationResolver) MarkDone(ctx context.Context, id string) (*Todo, error) {
	if UserFrom(ctx) == nil {
		return nil, errors.New("unauthorized")
	}
	return nil, nil
}

func (r *rootQueryResolver) Todos(ctx context.Context) ([]*Todo, error) {
	return r.todos, nil
}

type mutationResolver struct{ *Resolver }
type rootQueryResolver struct{ *Resolver }
