package controllers

import "github.com/beego/beego/v2/server/web"

type HomeController struct {
	PublicController
}

// Get and Post are what a route that names no method calls; Beego's own
// Controller answers the others.
func (c *HomeController) Get() {
	c.Data["Title"], _ = web.AppConfig.String("title")
	c.TplName = "index.tpl"
}

func (c *HomeController) Users() {}

func (c *HomeController) Feed() {}

func (c *HomeController) Search() {}

func (c *HomeController) Stats() {}

type AccountController struct {
	PublicController
}

func (c *AccountController) LoginPage() {}

func (c *AccountController) Login() {}

type PageController struct {
	MemberController
}

func (c *PageController) Show() {}

func (c *PageController) Edit() {}

// Get is a page controller's own method but no route's: every route of
// PageController names its methods.
func (c *PageController) Get() {}
