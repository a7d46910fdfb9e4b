process.env.OPENAI_API_KEY = "sk-test";
const password = process.env.TEST_PASSWORD ?? "hunter2";
