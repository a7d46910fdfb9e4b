from django.contrib.admin import AdminSite

from blog import views


class OpsAdminSite(AdminSite):
    site_header = "Operations"


# An admin site of the project's own: Django's code still admits only staff.
ops_site = OpsAdminSite(name="ops")


class PageSite:
    """Named like an admin site, but a plain object: its urls are one public page."""

    urls = views.archive


page_site = PageSite()
