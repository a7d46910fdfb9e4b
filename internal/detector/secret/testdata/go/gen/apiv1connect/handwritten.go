package apiv1connect

// Lookalike: the same shapes written by hand. A method path is a route
// wherever it is; a signing secret beside it is a secret.
const (
	RotateSigningKeyProcedure        = "/acme.api.v1.NotesService/RotateSigningKey"
	GetWebhookSigningSecretProcedure = "/acme.api.v1.NotesService/GetWebhookSigningSecret"
	webhookSigningSecret             = "Hq7Lw2Xv9Rk4Tz8Mn3Pc" // want: secret hardcoded-signing-key
)
