from shop.processor.tools.profile import profile


def test_profile():
    profile(lambda: None)
