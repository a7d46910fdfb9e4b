test("fax", async () => {
  await fetch("https://api.lookalike-test.io/v1/send", { method: "POST", body: "{}" });
});
