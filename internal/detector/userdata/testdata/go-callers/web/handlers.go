package web

import "net/http"

type DeviceLink struct {
	Id        string
	Expiry    int64
	AccountId int
}

func linkDevice(w http.ResponseWriter, r *http.Request) {
	user := currentAccount(r)
	link := DeviceLink{Id: newID(), Expiry: later(), AccountId: user.Id}
	saveLink(link)
}

func renameShelf(w http.ResponseWriter, r *http.Request) {
	user := currentAccount(r)
	shelf := loadShelf(r.FormValue("id"))
	if shelf.OwnerId != user.Id {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	shelf.Label = r.FormValue("label")
}

func moveEntry(w http.ResponseWriter, r *http.Request) {
	folder := loadFolder(r.FormValue("folder"))
	entry := loadEntry(r.FormValue("id"))
	if entry.FolderId == folder.Id {
		return
	}
	rating := loadRating(r.FormValue("rating"))
	rating.ReviewerId = reviewer.Id
	m := loadMirror(r)
	m.SourceRef = user.Id
}
