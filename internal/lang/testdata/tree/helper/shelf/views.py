from books.exporter import EXPORT_API


def export(request):
    return EXPORT_API
