package mode

import "github.com/gin-gonic/gin"

// Production is the mode a release build sets (the linker's -X).
const Production = "production"

var current = "development"

// Set chooses the mode: gin's debug mode for development, release for
// production.
func Set(m string) {
	current = m
	if current == Production {
		gin.SetMode(gin.ReleaseMode)
		return
	}
	gin.SetMode(gin.DebugMode)
}
