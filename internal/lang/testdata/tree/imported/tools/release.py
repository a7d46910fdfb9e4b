# Imports the app; the app imports nothing of it.
from shop.routers.search import router

print(len(router.routes))
