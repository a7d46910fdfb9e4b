package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
)

// Lookalike: a catalogue schema with nothing personal, in a list of
// breeds every owner shares.
type Breed struct {
	ent.Schema
}

func (Breed) Fields() []ent.Field {
	return []ent.Field{field.String("name"), field.Float("weight")}
}

func (Breed) Edges() []ent.Edge {
	return []ent.Edge{edge.To("kennels", Kennel.Type)}
}

// Lookalike: a form with a Fields method is no ent schema.
type SignupForm struct{}

func (SignupForm) Fields() []string { return []string{"email", "password"} }
