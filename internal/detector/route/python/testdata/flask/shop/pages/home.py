# A module that takes the app from the package, naming no framework.
from shop.site import site


@site.route("/about")  # want: GET /about
def about():
    return "about"
