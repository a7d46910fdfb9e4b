package controllers

import (
	"net/http"

	"github.com/beego/beego/v2/server/web"
)

// MemberController is the base of the pages only members see: Beego runs
// Prepare before each of their methods.
type MemberController struct {
	web.Controller
}

func (c *MemberController) Prepare() {
	if c.GetSession("uid") == nil {
		c.Ctx.Output.SetStatus(http.StatusUnauthorized)
		c.StopRun()
	}
}

// PublicController's Prepare only loads settings: it turns no one away.
type PublicController struct {
	web.Controller
}

func (c *PublicController) Prepare() {
	c.Data["SiteName"] = "wiki"
}
