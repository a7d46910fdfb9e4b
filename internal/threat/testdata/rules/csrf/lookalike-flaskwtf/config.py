import os


class ProductionConfig:
    SECRET_KEY = os.environ["SECRET_KEY"]


class TestingConfig(ProductionConfig):
    # The test suite posts forms without tokens: not production's setting.
    TESTING = True
    WTF_CSRF_ENABLED = False
