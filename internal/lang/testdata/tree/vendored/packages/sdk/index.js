// The shelf SDK. Source: https://github.com/example-shelf/shelf
module.exports = { client: () => ({}) }
