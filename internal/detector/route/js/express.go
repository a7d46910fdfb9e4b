package js

import (
	"regexp"

	"github.com/threatmap/threatmap/internal/detector/route"
)

// Each framework's vocabulary: what its own middleware and calls mean for
// a route's tags. Node apps take the same upload middleware under any of
// these frameworks (multer under Express, @koa/multer, fastify-multer), so
// the detector reads a route with all of them (nodeVocab).
var (
	expressVocab = route.Vocabulary{
		Upload: []string{"multer", "busboy", "formidable", "req.file", "req.files"},
		// multer's upload.single('avatar') and friends in a middleware chain.
		UploadMiddleware: regexp.MustCompile(`\.(single|array|fields|any)$`),
	}
	koaVocab     = route.Vocabulary{Upload: []string{"multer", "busboy", "formidable"}}
	fastifyVocab = route.Vocabulary{
		// @fastify/multipart reads files in the handler.
		UploadBody: regexp.MustCompile(`\b(request|req)\.(file|files|parts|saveRequestFiles)\(`),
	}
	honoVocab = route.Vocabulary{}

	nodeVocab = route.Vocab(expressVocab, koaVocab, fastifyVocab, honoVocab)
)
