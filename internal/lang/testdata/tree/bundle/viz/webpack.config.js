module.exports = { entry: "./src/index.ts", output: { filename: "viz.js" } };
