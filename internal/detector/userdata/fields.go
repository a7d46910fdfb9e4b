package userdata

import (
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"

	"github.com/threatmap/threatmap/internal/detector/code"
)

// Asset kinds a field can make its model.
const (
	KindUserData  = facts.AssetUserData
	KindIntegrity = facts.AssetIntegrity
)

// Class is what kind of personal or billing data a field holds.
type Class string

// Field classes. Every class but Billing makes its model user data;
// Billing makes it an integrity asset.
const (
	Identity   Class = "identity"    // who a person is: names, birth date, national ids
	Contact    Class = "contact"     // how to reach them: e-mail, phone, postal address
	AuthSecret Class = "auth-secret" // what lets someone act as them: passwords, tokens, keys
	Financial  Class = "financial"   // card and bank details
	Health     Class = "health"      // medical data
	Location   Class = "location"    // where they are or were: IP address, coordinates, city
	FreeText   Class = "free-text"   // what they wrote: prompts, messages, comments
	File       Class = "file"        // what they uploaded, or where it is kept
	Billing    Class = "billing"     // state that decides what a user may do for free
)

// Field is one field of a model: its name and its declared type as
// written ("" when the declaration gives none).
type Field struct {
	Name string
	Type string
}

// words names, per class, the words of a field's name that say it holds
// that data.
var words = map[string]Class{
	"birth": Identity, "birthday": Identity, "birthdate": Identity, "dob": Identity,
	"ssn": Identity, "passport": Identity, "surname": Identity, "firstname": Identity, "lastname": Identity,
	"fullname": Identity, "username": Identity, "gender": Identity, "nationality": Identity,

	"email": Contact, "mail": Contact, "phone": Contact, "mobile": Contact, "telephone": Contact, "msisdn": Contact,
	"address": Contact, "street": Contact, "postcode": Contact, "postal": Contact, "zip": Contact, "zipcode": Contact,

	"password": AuthSecret, "passwd": AuthSecret, "pass": AuthSecret, "pwd": AuthSecret, "pw": AuthSecret, "passphrase": AuthSecret,
	"token": AuthSecret, "tokens": AuthSecret, "secret": AuthSecret, "apikey": AuthSecret, "otp": AuthSecret,
	"totp": AuthSecret, "mfa": AuthSecret, "credential": AuthSecret, "credentials": AuthSecret,

	"card": Financial, "iban": Financial, "cvv": Financial, "cvc": Financial, "bank": Financial, "salary": Financial,

	"diagnosis": Health, "diagnoses": Health, "medical": Health, "medication": Health, "medications": Health,
	"allergy": Health, "allergies": Health, "prescription": Health, "prescriptions": Health, "symptoms": Health,
	"health": Health, "disease": Health,

	"ip": Location, "latitude": Location, "longitude": Location, "lat": Location, "lng": Location,
	"geo": Location, "geolocation": Location, "location": Location, "coordinates": Location, "city": Location,
	"country": Location,
	// The device and the page a visitor came from, as an analytics
	// session keeps them: with an IP address, what tells one visitor
	// from another.
	"browser": Location, "referrer": Location, "referer": Location, "useragent": Location,

	"prompt": FreeText, "prompts": FreeText, "message": FreeText, "messages": FreeText, "conversation": FreeText,
	"conversations": FreeText, "chat": FreeText, "transcript": FreeText, "content": FreeText, "text": FreeText,
	"body": FreeText, "comment": FreeText, "comments": FreeText, "note": FreeText, "notes": FreeText, "bio": FreeText,

	"file": File, "files": File, "filename": File, "filepath": File, "path": File, "attachment": File,
	"attachments": File, "document": File, "upload": File, "avatar": File, "blob": File,

	"plan": Billing, "credits": Billing, "credit": Billing,
	"balance": Billing, "premium": Billing, "tier": Billing, "quota": Billing, "billing": Billing, "paid": Billing,
	"trial": Billing, "stripe": Billing, "entitlement": Billing, "entitlements": Billing, "usage": Billing,
	"invoice": Billing,
}

// pairs are two consecutive words that name personal data together only.
var pairs = map[[2]string]Class{
	{"first", "name"}: Identity, {"last", "name"}: Identity, {"full", "name"}: Identity, {"user", "name"}: Identity,
	{"national", "id"}: Identity, {"tax", "id"}: Identity, {"display", "name"}: Identity,
	{"ip", "address"}: Location, {"remote", "addr"}: Location,
	{"api", "key"}: AuthSecret, {"private", "key"}: AuthSecret, {"recovery", "code"}: AuthSecret,
	{"recovery", "codes"}: AuthSecret,
	// A code or hex string mailed to confirm an address, reset a
	// password or unsubscribe: whoever holds it acts as the person.
	{"confirm", "code"}: AuthSecret, {"confirm", "hex"}: AuthSecret, {"confirmation", "code"}: AuthSecret,
	{"reset", "code"}: AuthSecret, {"reset", "hex"}: AuthSecret, {"unsubscribe", "code"}: AuthSecret,
	{"unsubscribe", "hex"}: AuthSecret, {"secret", "hex"}: AuthSecret,
	{"authorization", "code"}: AuthSecret, {"auth", "code"}: AuthSecret,
	{"user", "agent"}: Location, {"operating", "system"}: Location,
	{"account", "number"}: Financial, {"routing", "number"}: Financial, {"bank", "account"}: Financial,
	// A payment provider's customer (stripe_customer_id): whom the
	// provider bills, with the cards and invoices it keeps for them. A
	// customer_id that holds a key to a model of the app is a relation,
	// and relation keys are not classed.
	{"customer", "id"}:         Financial,
	{"subscription", "status"}: Billing, {"subscription", "tier"}: Billing, {"subscription", "plan"}: Billing,
	{"s3", "key"}: File, {"storage", "key"}: File, {"object", "key"}: File,
}

// predicate are the first words of a flag's name.
var predicate = map[string]bool{"is": true, "has": true, "can": true, "should": true, "allow": true, "allows": true, "needs": true}

// metadata last words describe personal data without holding it
// (email_verified, file_size, message_count, document_id).
var metadata = map[string]bool{
	"verified": true, "confirmed": true, "enabled": true, "sent": true, "at": true, "count": true, "opt": true,
	"consent": true, "notifications": true, "type": true, "size": true, "length": true, "status": true,
	"id": true, "ids": true, "expires": true, "expiry": true, "changed": true, "updated": true, "format": true,
	"mime": true, "hint": true, "version": true, "mode": true, "visibility": true, "url": true, "urls": true,
	"vector": true, "vectors": true, "allowed": true, "required": true, "disabled": true,
	"checksum": true,
	// A row's key spelled in hex (commentHex): another row's id.
	"hex": true,
}

// Declared types, by the words of their spelling in every ORM and SQL
// dialect read here.
var (
	boolType   = regexp.MustCompile(`^(?:bool|boolean)$`)
	numberType = regexp.MustCompile(`^(?:u?int\d*|integer|bigint|smallint|tinyint|mediumint|float\d*|double|decimal|numeric|number|real|serial|bigserial|smallserial|positive|autoincrement)$`)
	timeType   = regexp.MustCompile(`^(?:date|datetime|datetime64|timestamp|timestamptz|time|timetz)$`)
	ipType     = regexp.MustCompile(`^(?:inet|cidr|macaddr|ipaddressfield|genericipaddressfield|ipv4|ipv6|isip)$`)
	fileType   = regexp.MustCompile(`^(?:filefield|imagefield)$`)
	emailType  = regexp.MustCompile(`^(?:emailfield|isemail|email)$`)
)

// typeSays is what a declared type alone says of a field: a class the
// type gives whatever the name (an inet column is an IP address), or
// which classes of name it rules out (a boolean named email is a flag,
// a number named tokens a count, a timestamp named password a date).
func typeSays(t string) (given Class, rules func(Class) bool) {
	ws := code.Words(t)
	for _, w := range ws {
		switch {
		case ipType.MatchString(w):
			return Location, nil
		case fileType.MatchString(w):
			return File, nil
		case emailType.MatchString(w):
			return Contact, nil
		}
	}
	// The first type word decides: an option after it (a default, a
	// validator) is not the type.
	for _, w := range ws {
		switch {
		case boolType.MatchString(w):
			return "", func(c Class) bool { return c != Billing }
		case numberType.MatchString(w):
			// A number is no text, no file and no e-mail address
			// (sesEmailRateLimit Int is a limit); a phone number may be
			// kept as one (numberContact).
			return "", func(c Class) bool { return c == AuthSecret || c == FreeText || c == File || c == mailOnly }
		case timeType.MatchString(w):
			return "", func(c Class) bool { return c != Identity && c != Billing }
		}
	}
	return "", nil
}

// generic names a field by its role in its model only (Attachment.key,
// Comment.data, ApiKey.value, SearchQuery.query): it holds what the
// model's name says the model holds.
var generic = map[string]bool{
	"data": true, "value": true, "key": true, "url": true, "body": true, "text": true, "content": true,
	"location": true, "query": true, "payload": true, "raw": true, "hash": true, "digest": true, "json": true,
}

// heads are what a model's head noun says its generic fields hold, for
// nouns that are no field's word: a session store's data is what lets
// its holder act as the user (connect-typeorm's Session.json), while a
// field named session_timeout, session_data_id or sessionData (a list of
// related rows) says nothing.
var heads = map[string]Class{"session": AuthSecret, "sessions": AuthSecret, "verification": AuthSecret, "verifications": AuthSecret}

// verificationHead: a model named for a verification (better-auth's
// verification, next-auth's VerificationToken): its identifier is the
// e-mail or phone number a one-time code was sent to.
func verificationHead(model string) bool {
	for _, w := range code.Words(model) {
		if w == "verification" || w == "verifications" {
			return true
		}
	}
	return false
}

// FieldClass says what a field of a model holds: its own name and type
// first, then, for a field named only by its role (key, data, value),
// what the model's name says it holds.
func FieldClass(model string, f Field) Class {
	if c := ClassOf(f); c != "" {
		return c
	}
	ws := code.Words(f.Name)
	if len(ws) == 1 && ws[0] == "identifier" && verificationHead(model) {
		return Contact
	}
	if len(ws) != 1 || !generic[ws[0]] {
		return ""
	}
	c := headClass(model)
	if c == "" || c == Billing {
		return ""
	}
	if given, rules := typeSays(f.Type); given == "" && rules != nil && rules(c) {
		return ""
	}
	return c
}

// Classify says which asset a field makes its model: user-data,
// integrity, or "" when it is neither.
func Classify(field string) string { return KindOf(ClassOf(Field{Name: field})) }

// passwordWords are the words of a secret a person signs in with.
var passwordWords = map[string]bool{"password": true, "passwd": true, "pass": true, "pwd": true, "pw": true, "passphrase": true}

// signInSecret: a field named for a password (password_hash, pass),
// which a person signs in with; a key or token may be any client's.
func signInSecret(name string) bool {
	for _, w := range code.Words(name) {
		if passwordWords[w] {
			return true
		}
	}
	return false
}

// KindOf is the asset kind a class makes its model.
func KindOf(c Class) string {
	switch c {
	case "":
		return ""
	case Billing:
		return KindIntegrity
	}
	return KindUserData
}

// ClassOf says what a field holds, by its name and its declared type:
// "" when it is nothing personal and no billing state.
func ClassOf(f Field) Class {
	given, rules := typeSays(f.Type)
	if given != "" {
		return given
	}
	c := nameClass(f.Name)
	if c != "" && rules != nil && (rules(c) || c == Contact && !numberContact(f.Name) && rules(mailOnly)) {
		return ""
	}
	return c
}

// mailOnly stands, for typeSays' rules, for a contact field that names no
// phone: an e-mail address, which a number cannot hold.
const mailOnly Class = "mail-only"

// numberContact: a contact field a number may hold, a phone's.
func numberContact(name string) bool {
	return slices.ContainsFunc(code.Words(name), func(w string) bool {
		switch w {
		case "phone", "mobile", "telephone", "tel", "msisdn", "fax", "whatsapp", "cell":
			return true
		}
		return false
	})
}

// headClass is what a model's name says it holds, by its head noun (its
// last word, or last two): a VerificationToken's value is a token, a
// TokenBucket's is a rate limiter's key.
func headClass(model string) Class {
	ws := code.Words(model)
	n := len(ws)
	if n == 0 {
		return ""
	}
	if n >= 2 {
		if c, ok := pairs[[2]string{ws[n-2], ws[n-1]}]; ok {
			return c
		}
	}
	if c, ok := heads[ws[n-1]]; ok {
		return c
	}
	return words[ws[n-1]]
}

// timestamp: a field that says when (a time type, or named created_at,
// joined_on, date).
func timestamp(f Field) bool {
	for _, w := range code.Words(f.Type) {
		if timeType.MatchString(w) {
			return true
		}
	}
	ws := code.Words(f.Name)
	if len(ws) == 0 {
		return false
	}
	switch ws[len(ws)-1] {
	case "at", "on", "date", "time", "created", "updated":
		return true
	}
	return false
}

// logRecord: a model with a log level and a logger's own fields (a
// traceback, the logger's name, the source line) keeps what the product
// logged; its message is the product's text, not a person's.
func logRecord(fields []Field) bool {
	// lineOnly: beside its log level, the record holds a message and
	// when (Logs{id, createdAt, message, level}): a log line, nothing
	// more.
	// A severity (an incident report's) is no log level.
	level, logger, lineOnly, logLevel, when := false, false, true, false, false
	for _, f := range fields {
		switch n := strings.Join(code.Words(f.Name), "_"); {
		case n == "id" || n == "message" || n == "msg":
		case n == "level" || n == "levelname" || n == "log_level" || n == "loglevel":
			logLevel = true
		case timestamp(f):
			when = true
		default:
			lineOnly = false
		}
		switch strings.Join(code.Words(f.Name), "_") {
		case "level", "levelname", "log_level", "loglevel", "severity":
			level = true
		case "traceback", "stacktrace", "stack_trace", "exc_info", "logger", "logger_name", "lineno", "func_name", "funcname", "pathname":
			logger = true
		}
	}
	return level && logger || logLevel && when && lineOnly
}

func nameClass(name string) Class {
	ws := code.Words(name)
	if len(ws) == 0 {
		return ""
	}
	for i := 0; i+1 < len(ws); i++ {
		if c, ok := pairs[[2]string{ws[i], ws[i+1]}]; ok {
			return c
		}
	}
	// A flag (is_email_auth_allowed, has_phone, can_email) says whether
	// something holds or is allowed, not what a person is or how to
	// reach them; it may still be billing state (is_premium).
	if !metadata[ws[len(ws)-1]] && !predicate[ws[0]] {
		for _, w := range ws {
			if c, ok := words[w]; ok && c != Billing {
				return c
			}
		}
	}
	for _, w := range ws {
		if words[w] == Billing {
			return Billing
		}
	}
	return ""
}

// billingModel: a model whose name is billing state is integrity as a
// whole (Invoice, CreditLedger, Payment); one named a subscription is so
// when its fields say it is paid for (a period, a price, a trial, a
// status), not a subscription to notifications or webhooks.
func billingModel(name string, fields []Field) bool {
	ws := code.Words(name)
	if n := len(ws); n > 1 && lookupWords[ws[n-1]] {
		return false // payment_methods, invoice_types: the choices a record picks from
	}
	for _, w := range ws {
		if words[w] == Billing || w == "payment" || w == "payments" {
			return true
		}
		if w == "subscription" || w == "subscriptions" {
			for _, f := range fields {
				for _, fw := range code.Words(f.Name) {
					if paidFor[fw] {
						return true
					}
				}
			}
		}
	}
	return false
}

// lookupWords end the name of a table of choices (payment_methods, a
// company's cash, cheque and transfer; invoice_types): billing's
// vocabulary, not the state of anyone's billing.
var lookupWords = map[string]bool{"method": true, "methods": true, "type": true, "types": true, "kind": true, "kinds": true,
	"category": true, "categories": true}

// paidFor are the words of the fields of a paid subscription.
var paidFor = map[string]bool{
	"period": true, "price": true, "trial": true, "cancel": true, "canceled": true, "cancelled": true,
	"renew": true, "renews": true, "amount": true, "currency": true, "interval": true, "status": true,
}
