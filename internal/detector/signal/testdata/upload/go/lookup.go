package upload

import (
	"mime/multipart"
	"net/http"
	"path"
	"strings"
)

func kindOf(ext string) string {
	switch ext {
	case "png":
		return "image/png"
	case "jpg", "jpeg":
		return "image/jpeg"
	}
	return ""
}

func (s *Service) SaveLogo(id string, fh *multipart.FileHeader) error {
	ext := strings.ToLower(strings.TrimPrefix(path.Ext(fh.Filename), "."))
	if kind := kindOf(ext); kind == "" {
		return ErrUnsupportedType
	}
	return saveFile(path.Join("logos", id+"."+ext), fh)
}

func (h *Handler) UploadLogo(w http.ResponseWriter, r *http.Request) {
	_, fh, err := r.FormFile("logo")
	if err != nil {
		http.Error(w, "no file", http.StatusBadRequest)
		return
	}
	if err := h.svc.SaveLogo(r.PathValue("id"), fh); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
