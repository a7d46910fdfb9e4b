from shop.processor.tools.profile import profile
from shop.routers.search import search

profile(lambda: search("x"))
