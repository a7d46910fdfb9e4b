package upload

import (
	"bytes"
	"image"
	"image/png"
	"net/http"
)

func (h *Handler) UploadPhoto(w http.ResponseWriter, r *http.Request) {
	f, _, err := r.FormFile("photo")
	if err != nil {
		http.Error(w, "no file", http.StatusBadRequest)
		return
	}
	img, _, err := image.Decode(f)
	if err != nil {
		http.Error(w, "not an image", http.StatusBadRequest)
		return
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		http.Error(w, "encode", http.StatusInternalServerError)
		return
	}
	savePhoto(photoKey(r), buf.Bytes())
}
