// (c) 2021 Example Shelf Authors
module.exports = { render: (rows) => rows.join("\n") }
