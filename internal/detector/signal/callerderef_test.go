package signal

import (
	"testing"

	"github.com/threatmap/threatmap/internal/facts"
)

// A write that reads the signed-in user's attributes first fails for an
// anonymous caller before it writes; a read made safe, or under a test
// that the caller is there, does not.
func TestCallerDerefWrite(t *testing.T) {
	helpers := rubyMethods("class NotesController < ApplicationController\n  skip_before_action :authenticate_user!\n\n  def create\n    note = Note.new(note_params)\n    note.save\n  end\n\n  private\n\n  def note_params\n    params.require(:note).permit(:text).merge(author_id: current_user.id)\n  end\n\n  def safe_params\n    params.require(:note).permit(:text).merge(author_id: current_user&.id)\n  end\nend\n")
	for _, tc := range []struct {
		name, file, handler, body string
		want                      bool
	}{
		{"rails: the action's params helper reads current_user.id", "app/controllers/notes_controller.rb", "NotesController#create",
			"def create\n    note = Note.new(note_params)\n    note.save\n  end", true},
		{"lookalike rails: the helper navigates safely (current_user&.id)", "app/controllers/notes_controller.rb", "NotesController#create",
			"def create\n    note = Note.new(safe_params)\n    note.save\n  end", false},
		{"lookalike rails: the caller read only under a test that one is there", "app/controllers/notes_controller.rb", "NotesController#create",
			"def create\n    note = Note.new(params.require(:note).permit(:text))\n    note.author_id = current_user.id if current_user\n    note.save\n  end", false},
		{"express: req.user.id in the record created", "src/routes/notes.js", "",
			"async (req, res) => {\n  const note = await Note.create({ text: req.body.text, owner: req.user.id });\n  res.json(note);\n}", true},
		{"lookalike express: req.user?.id", "src/routes/notes.js", "",
			"async (req, res) => {\n  const note = await Note.create({ text: req.body.text, owner: req.user?.id });\n  res.json(note);\n}", false},
		{"lookalike express: the caller read after the write", "src/routes/notes.js", "",
			"async (req, res) => {\n  const note = await Note.create({ text: req.body.text });\n  log(note.id)\n  audit(req.user.id);\n}", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := facts.Route{Method: "POST", Path: "/notes", File: tc.file, Line: 1, Handler: tc.handler, Body: tc.body, Auth: facts.AuthNone}
			got := len(callerDerefWrite(&r, helpers)) > 0
			if got != tc.want {
				t.Errorf("caller-gated: got %v, want %v", got, tc.want)
			}
		})
	}
}
