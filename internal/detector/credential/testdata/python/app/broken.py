def oops(:
    x = os.environ.get("BROKEN_BUT_READ_TOKEN"  # want: credential BROKEN_BUT_READ_TOKEN secret -
    '''never closed
