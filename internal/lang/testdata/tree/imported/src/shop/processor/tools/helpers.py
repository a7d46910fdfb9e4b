def clean(q):
    return q.strip()
