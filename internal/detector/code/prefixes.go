package code

import (
	"strings"

	"github.com/threatmap/threatmap/internal/catalog"
	"github.com/threatmap/threatmap/internal/lang"
)

// Routing libraries pick the service from a string: apprise sends to
// Telegram for a tgram:// URL and to Slack for a slack:// one, litellm
// sends a prompt to Anthropic for the model "anthropic/claude-...", and
// the AI SDK (ai) sends a model given as a "creator/model" slug through
// Vercel's AI Gateway to its creator ("openai/gpt-4o" is OpenAI's). The
// catalogue's prefixes key lists these beginnings per module; a string
// literal that starts with one, in a file that imports the module, uses
// the service. The same text in a file without the library is text.

// prefixUses lists the services a file names to a routing library it
// imports.
func prefixUses(l lang.Lang, stripped []byte, imports []Import) []Use {
	var prefixes []catalog.Prefix
	seen := map[string]bool{}
	// A model slug handed to a router's own client (OpenRouter's
	// "openai/gpt-4o") goes to the router, not to the AI SDK's gateway.
	for _, im := range imports {
		if strings.Contains(im.Module, "openrouter") {
			seen["ai"], seen["@ai-sdk/gateway"] = true, true
		}
	}
	for _, im := range imports {
		mod := im.Module
		if l.Family() == lang.Python {
			mod, _, _ = strings.Cut(mod, ".")
		}
		if !seen[mod] {
			seen[mod] = true
			prefixes = append(prefixes, catalog.PrefixesOf(mod)...)
		}
	}
	if len(prefixes) == 0 {
		return nil
	}
	var out []Use
	found := map[*catalog.Service]bool{}
	for i := 0; i < len(stripped); i++ {
		c := stripped[i]
		if !isQuote(c) || c == '`' && l.Family() == lang.Python {
			continue
		}
		end := lang.SkipString(stripped, i)
		if end <= i {
			end = i + 1
		}
		text := stripped[i+1 : max(i+1, end-1)]
		for _, p := range prefixes {
			if !found[p.Service] && strings.HasPrefix(string(text), p.Text) && !InLogCall(stripped, i+1) {
				found[p.Service] = true
				out = append(out, Use{Service: p.Service, Line: LineAt(stripped, i)})
			}
		}
		i = end - 1
	}
	return out
}
