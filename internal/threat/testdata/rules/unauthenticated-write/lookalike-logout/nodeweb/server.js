const express = require("express");
const cookieParser = require("cookie-parser");

const app = express();
app.use(cookieParser());

// Signs the caller out by clearing the session cookie it holds.
app.post("/signout", (req, res) => {
  res.clearCookie("board_sid");
  res.redirect("/");
});

app.listen(3000);
