def includeme(config):
    config.add_static_view("static", "wiki:static")  # want: GET /static
    config.add_route("home", "/")  # want: ANY /
    config.add_route("page", "/pages/{name}")  # want: GET /pages/{name}
    config.add_route("edit", "/pages/{name}/edit")  # want: GET /pages/{name}/edit; POST /pages/{name}/edit
    config.add_route("health", "/health")  # want: GET /health
    config.add_route("purge", r"/purge/{page_id:\d+}")  # want: DELETE /purge/{page_id}
    config.add_route("drafts", "/drafts")  # want: ANY /drafts
    config.add_route("unused", "/unused")
