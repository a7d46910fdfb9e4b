package api

// Account here is the API's own view, never migrated: a struct of the
// same name as a model in another package is no model.
type Account struct {
	Login string `json:"login"`
	Email string `json:"email"`
}
