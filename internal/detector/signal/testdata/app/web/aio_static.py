from aiohttp import web

files_app = web.Application()
files_app.router.add_static("/files", "files", show_index=True)  # want: weakness directory-listing
# Lookalike: the static route lists nothing.
files_app.router.add_static("/assets", "assets", show_index=False)
