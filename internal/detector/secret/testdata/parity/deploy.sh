#!/bin/sh
# Calls with credentials spread over several lines.
curl -X POST https://api.acme.test/v1/jobs \
  -H "Content-Type: application/json" \
  -H "Authorization: Bearer Zx8qLw2VnR4tYp7sKd1mFh6cBj3gNe9u" \
  -d '{"job": "nightly"}'

curl --user "deploy:Qw7eRt9yUi2oPa4s" https://ci.acme.test/hook
export SERVICE_API_TOKEN=Kp3xV9mQ2wL7rT4yB8nC1zD6fH5jG0sA
