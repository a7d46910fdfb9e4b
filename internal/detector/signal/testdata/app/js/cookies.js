const session = require("express-session");

app.use(session({ // want: weakness csrf
  secret: process.env.SESSION_SECRET, cookie: { secure: false } })); // want: weakness cookie-insecure

app.post("/login", (req, res) => {
  res.cookie("auth_token", issue(req.user), { httpOnly: false }); // want: weakness cookie-insecure
  res.cookie("theme", req.body.theme, { httpOnly: false, sameSite: "lax" });
  res.cookie("sid", req.sessionID, {
    httpOnly: true,
    secure: false, // want: weakness cookie-insecure
  });
  res.sendStatus(204);
});
