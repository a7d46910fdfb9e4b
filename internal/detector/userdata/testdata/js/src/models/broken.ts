const brokenSchema = new Schema({ // want: asset user-data Broken email
  email: String,
  nested: { a: [1, 2,
