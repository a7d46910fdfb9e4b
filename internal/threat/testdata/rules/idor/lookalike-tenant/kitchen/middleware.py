from kitchen.models import Household


class ActiveHousehold:
    """Sets request.household to the signed-in user's household."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            request.household = Household.objects.get(member=request.user)
        return self.get_response(request)
