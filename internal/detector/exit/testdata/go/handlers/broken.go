package handlers

func broken( {
	http.Error(w,
	log.Printf("%v",
