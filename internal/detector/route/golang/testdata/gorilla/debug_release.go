//go:build !dev

package main

// addBuildRoutes, in a release build: the version route only.
func (s *server) addBuildRoutes() {
	s.router.HandleFunc("/version", s.health).Methods("GET") // want: GET /version
}
