import os

# A test reads its own variables: not the product's configuration.
password = os.environ.get("TEST_ADMIN_PASSWORD", "hunter2")
os.environ["OPENAI_API_KEY"] = "sk-test"
