import requests

requests.post("https://api.lookalike-script.io/v1/backfill", json={})


# A one-off script's vendor is no third party of the product: the
# product's own code never calls Linear.
requests.post("https://api.linear.app/graphql", json={"query": "{ viewer { id } }"})
