import connexion

from tools.registry import Registry

app = connexion.FlaskApp(__name__, specification_dir="spec/")
app.add_api("api.yaml", base_path="/v2")

# Lookalike: an add_api on an object that is not a connexion app serves
# nothing.
registry = Registry()
registry.add_api("../../docs/catalog.yaml")
