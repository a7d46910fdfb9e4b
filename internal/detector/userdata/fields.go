package userdata

import (
	"github.com/threatmap/threatmap/internal/detector/code"
)

// Asset kinds a field can make its model.
const (
	KindUserData  = "user-data"
	KindIntegrity = "integrity"
)

// personal words name data about a person or that a person gave: contact
// details, credentials, identity and payment data, what they wrote to the
// product and the files they uploaded.
var personal = map[string]bool{
	"email": true, "mail": true, "password": true, "passwd": true, "pwd": true, "pw": true, "passphrase": true,
	"phone": true, "mobile": true, "telephone": true, "msisdn": true,
	"address": true, "street": true, "postcode": true, "postal": true, "zip": true, "zipcode": true,
	"birth": true, "birthday": true, "birthdate": true, "dob": true,
	"ssn": true, "passport": true,
	"card": true, "iban": true, "cvv": true, "cvc": true, "bank": true,
	"token": true, "tokens": true, "secret": true, "apikey": true, "otp": true, "totp": true, "mfa": true,
	"prompt": true, "prompts": true, "message": true, "messages": true, "conversation": true, "conversations": true,
	"chat": true, "transcript": true, "content": true,
	"file": true, "files": true, "filename": true, "filepath": true, "path": true, "attachment": true, "attachments": true,
	"document": true, "upload": true, "avatar": true, "blob": true, "surname": true,
}

// pairs are two consecutive words that are personal together only.
var pairs = map[[2]string]bool{
	{"api", "key"}: true, {"national", "id"}: true, {"tax", "id"}: true, {"first", "name"}: true,
	{"last", "name"}: true, {"full", "name"}: true, {"s3", "key"}: true, {"storage", "key"}: true,
	{"object", "key"}: true, {"account", "number"}: true, {"routing", "number"}: true, {"private", "key"}: true,
}

// metadata last words describe personal data without holding it
// (email_verified, file_size, message_count, document_id).
var metadata = map[string]bool{
	"verified": true, "confirmed": true, "enabled": true, "sent": true, "at": true, "count": true, "opt": true,
	"consent": true, "notifications": true, "type": true, "size": true, "length": true, "status": true,
	"id": true, "ids": true, "expires": true, "expiry": true, "changed": true, "updated": true, "format": true,
	"mime": true, "hint": true,
}

// billing words name state that decides what a user may do for free.
var billing = map[string]bool{
	"plan": true, "subscription": true, "subscriptions": true, "credits": true, "credit": true, "balance": true,
	"premium": true, "tier": true, "quota": true, "billing": true, "paid": true, "trial": true, "stripe": true,
	"entitlement": true, "entitlements": true, "usage": true, "invoice": true,
}

// Classify says which asset a field makes its model: user-data,
// integrity, or "" when it is neither.
func Classify(field string) string {
	ws := code.Words(field)
	if len(ws) == 0 {
		return ""
	}
	for i := 0; i+1 < len(ws); i++ {
		if pairs[[2]string{ws[i], ws[i+1]}] {
			return KindUserData
		}
	}
	if !metadata[ws[len(ws)-1]] {
		for _, w := range ws {
			if personal[w] {
				return KindUserData
			}
		}
	}
	for _, w := range ws {
		if billing[w] {
			return KindIntegrity
		}
	}
	return ""
}

// billingModel: a model whose name is billing state is integrity as a
// whole (Subscription, Invoice, CreditLedger).
func billingModel(name string) bool {
	for _, w := range code.Words(name) {
		if billing[w] || w == "payment" || w == "payments" {
			return true
		}
	}
	return false
}
