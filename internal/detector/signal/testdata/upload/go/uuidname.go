package upload

import (
	"net/http"
	"os"
	"path/filepath"

	"github.com/google/uuid"
)

func (h *Handler) UploadFile(w http.ResponseWriter, r *http.Request) {
	f, header, err := r.FormFile("file")
	if err != nil {
		http.Error(w, "no file", http.StatusBadRequest)
		return
	}
	recordID := uuid.New().String()
	dest := filepath.Join(h.dir, header.Filename)
	out, _ := os.Create(dest)
	copyAll(out, f)
	h.db.Insert(recordID, dest)
}
