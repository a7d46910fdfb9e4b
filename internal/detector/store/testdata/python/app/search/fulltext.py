import tantivy

from app.config import settings


def open_index(schema):
    # The index folder keeps every document's words.
    return tantivy.Index(schema, path=str(settings.index_dir))  # want: store search-index Search index (tantivy)


def scratch_index(schema):
    # Built for one query and dropped: no store.
    return tantivy.Index(make_schema(schema, "en"))
