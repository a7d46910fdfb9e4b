package java

import (
	"regexp"
	"slices"

	"github.com/threatmap/threatmap/internal/flow"
	"github.com/threatmap/threatmap/internal/flow/oo"
)

// persistMethods store the record they are handed whole: a Spring Data
// repository's save, JPA's persist and merge, MongoTemplate's insert.
var persistMethods = map[string]bool{"save": true, "saveAndFlush": true, "persist": true, "merge": true, "insert": true}

// stores are the library types whose persistMethods write a record;
// springData are the interfaces an app's repository extends to get save.
var (
	stores     = map[string]bool{"EntityManager": true, "Session": true, "MongoTemplate": true, "MongoOperations": true}
	springData = []string{"Repository", "CrudRepository", "ListCrudRepository", "PagingAndSortingRepository", "JpaRepository",
		"MongoRepository", "ReactiveCrudRepository", "R2dbcRepository"}
)

// unboundField is a field's annotations saying a save does not take it
// from the request: @ManyToMany(mappedBy = "depts") (the other side owns
// the relation), @JsonIgnore, @JsonProperty(access = READ_ONLY),
// @Transient.
var unboundField = regexp.MustCompile(`\bmappedBy\s*=|@JsonIgnore\b|\bREAD_ONLY\b|@Transient\b`)

// keepMassAssign keeps a save's mass-assignment sink only where the
// receiver stores records (a library store, or the app's repository
// interface extending Spring Data's) and the record's class, in the tree,
// has a field only staff or the system should set (flow.PrivilegedField):
// a form bound whole from the request and saved as it came lets the
// client set that field too. A record with no such field, or a save on
// any other object (a cache, a list), is no mass assignment.
func keepMassAssign(classes []*oo.Class) {
	byName := map[string]*oo.Class{}
	for _, c := range classes {
		byName[c.Name] = c
	}
	repository := func(typ string) bool {
		if stores[typ] {
			return true
		}
		c := byName[typ]
		return c != nil && slices.ContainsFunc(c.Supers, func(s string) bool { return slices.Contains(springData, s) })
	}
	privileged := func(typ string) bool {
		c := byName[typ]
		if c == nil {
			return false
		}
		for f := range c.Fields {
			if flow.PrivilegedField(f) && !c.Unbound[f] {
				return true
			}
		}
		return false
	}
	for _, c := range classes {
		for _, m := range c.Methods {
			for _, ci := range m.Calls {
				if !slices.ContainsFunc(ci.Sinks, func(u flow.SinkUse) bool { return u.Sink == flow.SinkMassAssign }) {
					continue
				}
				if len(ci.ArgTypes) == 1 && repository(ci.Type) && privileged(ci.ArgTypes[0]) {
					continue
				}
				ci.Sinks = slices.DeleteFunc(ci.Sinks, func(u flow.SinkUse) bool { return u.Sink == flow.SinkMassAssign })
			}
		}
	}
}
