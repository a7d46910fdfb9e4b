package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
)

// Owner is an ent schema: its fields are columns.
type Owner struct { // want: asset user-data Owner contact_email,password
	ent.Schema
}

func (Owner) Fields() []ent.Field {
	return []ent.Field{
		field.String("display").Optional(),
		field.String("contact_email").Unique(),
		field.String("password").Sensitive(),
		field.Bool("email_verified").Default(false),
	}
}

func (Owner) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("kennels", Kennel.Type), // a list: the key is on the other side
	}
}

// Kennel belongs to its owner: a unique edge back holds the key.
type Kennel struct { // want: asset user-data Kennel capacity,label
	ent.Schema
}

func (Kennel) Fields() []ent.Field {
	return []ent.Field{
		field.String("label"),
		field.Int("capacity"),
	}
}

func (Kennel) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("owner", Owner.Type).Ref("kennels").Unique(),
	}
}

// OwnedMixin adds an owner edge to the schemas that embed it.
type OwnedMixin struct {
	mixin
}

func (OwnedMixin) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("owner", Owner.Type).Unique().Field("owner_id"),
	}
}

// Leash holds no personal field; its owner comes from the mixin.
type Leash struct { // want: asset user-data Leash colour
	ent.Schema
}

func (Leash) Mixin() []ent.Mixin {
	return []ent.Mixin{OwnedMixin{}}
}

func (Leash) Fields() []ent.Field {
	return []ent.Field{
		field.UUID("owner_id", uuid{}),
		field.String("colour"),
	}
}
