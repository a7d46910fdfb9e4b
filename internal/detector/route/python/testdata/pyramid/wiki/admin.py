def includeme(config):
    config.add_route("audit", "/audit")  # want: GET /admin/audit
