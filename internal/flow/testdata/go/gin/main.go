package main

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"

	"example.com/pets/models"
)

type signupInput struct {
	Name  string `json:"name" binding:"required"`
	Email string `json:"email" binding:"required,email"`
}

func main() {
	var db *gorm.DB
	r := gin.Default()
	api := r.Group("/api")
	api.GET("/pets/:kind", func(c *gin.Context) {
		kind := c.Param("kind")
		var pets []models.Pet
		db.Raw(fmt.Sprintf("SELECT * FROM pets WHERE kind = '%s'", kind)).Scan(&pets) // want: sql-injection via=param
		c.JSON(http.StatusOK, pets)
	})
	api.GET("/pets", func(c *gin.Context) {
		var pets []models.Pet
		db.Where("name = ?", c.Query("name")).Find(&pets)
		c.JSON(http.StatusOK, pets)
	})
	api.GET("/pets/search", func(c *gin.Context) {
		var pets []models.Pet
		db.Where("name LIKE '%" + c.Query("name") + "%'").Find(&pets) // want: sql-injection via=query
		c.JSON(http.StatusOK, pets)
	})
	api.GET("/pets/by-name/:name", func(c *gin.Context) {
		pet, _ := findPet(db, &models.Pet{Name: c.Param("name")})
		c.JSON(http.StatusOK, pet)
	})
	api.POST("/pets/match", func(c *gin.Context) {
		var p models.Pet
		_ = c.ShouldBindJSON(&p)
		pet, _ := matchPet(db, p)
		c.JSON(http.StatusOK, pet)
	})
	api.GET("/pets/where", func(c *gin.Context) {
		pet, _ := petWhere(db, c.Query("cond"))
		c.JSON(http.StatusOK, pet)
	})
	api.POST("/users", func(c *gin.Context) {
		var u models.User
		if err := c.ShouldBindJSON(&u); err != nil {
			c.JSON(http.StatusBadRequest, gin.H{"error": "bad input"})
			return
		}
		db.Create(&u) // want: mass-assignment via=body
		c.JSON(http.StatusCreated, u)
	})
	api.POST("/signup", func(c *gin.Context) {
		var in signupInput
		if err := c.ShouldBindJSON(&in); err != nil {
			return
		}
		u := models.User{Name: in.Name, Email: in.Email, Role: "member"}
		db.Create(&u)
		c.JSON(http.StatusCreated, u)
	})
	api.POST("/pets", func(c *gin.Context) {
		var p models.Pet
		if err := c.BindJSON(&p); err != nil {
			return
		}
		db.Create(&p)
	})
	r.GET("/go", func(c *gin.Context) {
		c.Redirect(http.StatusFound, c.Query("to")) // want: open-redirect via=query
	})
	r.GET("/photos", func(c *gin.Context) {
		c.File(filepath.Join("photos", c.Query("file"))) // want: path-traversal via=query
	})
	r.GET("/photos/mine", func(c *gin.Context) {
		c.File(filepath.Join("photos", c.GetString("userID")+".jpg"))
	})
	r.Run(os.Getenv("ADDR"))
}

// findPet takes a gorm condition: a struct or map of bound values.
func findPet(db *gorm.DB, condition interface{}) (models.Pet, error) {
	var p models.Pet
	err := db.Where(condition).First(&p).Error
	return p, err
}

// matchPet takes a Pet: gorm binds each of its fields.
func matchPet(db *gorm.DB, p models.Pet) (models.Pet, error) {
	var out models.Pet
	err := db.Where(p).First(&out).Error
	return out, err
}

// petWhere takes text: gorm pastes it into the SQL.
func petWhere(db *gorm.DB, cond string) (models.Pet, error) {
	var out models.Pet
	err := db.Where(cond).First(&out).Error // want: sql-injection via=query
	return out, err
}
