package store

// ProviderConfig scans sign_in_providers: every column it names is that
// table's, so it is the same model: folded into it, no row of its own.
type ProviderConfig struct {
	Provider     string `db:"provider"`
	ClientID     string `db:"client_id"`
	ClientSecret string `db:"client_secret"`
	AuthorizeURL string `db:"authorize_url"`
}

// noteCard is a lookalike: a projection that joins two tables (the
// note's body and its author's name), held by neither alone.
// want: asset user-data noteCard AuthorMail,Body
type noteCard struct {
	Body       string `db:"body"`
	AuthorName string `db:"author_name"`
	AuthorMail string `db:"author_mail_verified"`
	Pinned     bool   `db:"pinned"`
}
