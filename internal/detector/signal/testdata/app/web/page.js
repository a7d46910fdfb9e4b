const express = require("express");
const serveIndex = require("serve-index");
const jwt = require("jsonwebtoken");

async function showResults() {
  const q = new URLSearchParams(location.search).get("q");
  document.getElementById("title").innerHTML = "Results for " + q; // want: weakness xss-client
  const res = await fetch("/api/items");
  const items = await res.json();
  list.innerHTML = items.map((i) => `<li>${i.name}</li>`).join(""); // want: weakness xss-client
  $("#count").html(items.length + " items"); // want: weakness xss-client
  $("#list").append("<li>" + items[0].name + "</li>"); // want: weakness xss-client
  document.getElementById("empty").innerHTML = "";
  document.getElementById("hint").textContent = q;
  $("#name").text(items[0].name);
  footer.innerHTML = DOMPurify.sanitize(items[0].note);
  // A copy of what the page already shows, for an export: no new data.
  const copy = document.createElement("div");
  copy.innerHTML = document.querySelector(".body").innerHTML;
  copy.innerHTML = container.innerHTML;
  // Another element's markup with data joined to it is new markup.
  copy.innerHTML = container.innerHTML + items[0].note; // want: weakness xss-client
}

// A code block's markup put back line by line: what the page showed.
function numberLines(block) {
  const rows = block.innerHTML.split("\n");
  block.innerHTML = "";
  for (let i = 0; i < rows.length; i++) {
    const row = document.createElement("div");
    row.innerHTML = rows[i] + "\n";
    block.appendChild(row);
  }
  // A field's text split the same way is data, not markup.
  const typed = block.textContent.split("\n");
  block.innerHTML = typed[0] + "\n"; // want: weakness xss-client
}

const app = express();
app.use("/files", express.static("public"), serveIndex("public")); // want: weakness directory-listing
app.use("/assets", express.static("assets"));

function user(token) {
  return jwt.verify(token, publicKey); // want: weakness jwt-algorithm-unpinned
}

function session(token) {
  return jwt.verify(token, process.env.JWT_SECRET);
}

function pinned(token) {
  return jwt.verify(token, process.env.JWT_SECRET, { algorithms: ["HS256"] });
}

function login(req, res, user) {
  if (user.password === req.body.password) { // want: weakness password-plaintext
    res.sendStatus(204);
  }
}
app.get("/whoami", (req, res) => res.jsonp({ name: req.session.name })); // want: weakness sensitive-response
  req.body.password = req.body.password.trim();

// The signing key fetched from the URL the token's own header names.
async function keyFor(token) {
  const { header } = jwt.decode(token, { complete: true }); // want: weakness jwt-unverified
  const res = await fetch(header.jku); // want: weakness jwt-unverified
  return res.json();
}
// Lookalike: the key set's URL is the app's own.
const jwks = jwksClient({ jwksUri: "https://auth.example.com/.well-known/jwks.json" });

// A helper every call of which passes the page's own text: no data.
function showTip(tip) {
  $("#tips").html(tip);
}
showTip("Create an account to keep your links");
showTip('Links can have a custom ending');

// The same helper once given a value is a sink.
function showNote(note) {
  $("#note").html(note); // want: weakness xss-client
}
showNote("Saved");
showNote(location.hash);
