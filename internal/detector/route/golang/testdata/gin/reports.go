package main

func registerReports(r Registrar) {
	r.GET("/reports", listReports)   // want: GET /reports
	r.POST("/reports", createReport) // want: POST /reports
}

func warmCache(c Cache) {
	var v string
	c.GET("/reports/cached", &v)
}

func runSteps(steps []Step) {
	for _, s := range steps {
		s.Handle(nil)
	}
}
