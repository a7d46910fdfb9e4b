const express = require("express");
const { NotFound } = require("./errors");
const books = require("./books");

const app = express();

app.get("/books/:id", async (req, res) => {
  try {
    const book = await books.find(req.params.id);
    if (!book) {
      throw new NotFound(`book ${req.params.id} not found`);
    }
    res.json(book);
  } catch (error) {
    if (error instanceof NotFound) {
      return res.status(error.status).json({ error: error.message });
    }
    res.status(500).json({ error: "Internal server error" });
  }
});

app.listen(3000);
