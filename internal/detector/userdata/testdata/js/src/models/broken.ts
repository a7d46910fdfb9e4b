// A file the parser cannot finish: read as far as it recovers, never a panic.
const brokenSchema = new Schema({
  email: String,
  nested: { a: [1, 2,
