const express = require("express");
const handlers = require("./handlers/notes");

const app = express();
app.use(express.json());

app.post("/notes", handlers.add);

app.listen(3000);
