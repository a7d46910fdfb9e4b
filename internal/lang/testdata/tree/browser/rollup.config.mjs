export default {
  input: "frontend/index.js",
  output: { file: "static/bundle.js", format: "iife" },
};
