from django.test import TestCase
from django.urls import path


def fake(request):
    return None


urlpatterns = [path("only-in-tests/", fake)]


class PostTests(TestCase):
    def test_detail(self):
        self.assertEqual(self.client.get("/blog/1/").status_code, 200)
