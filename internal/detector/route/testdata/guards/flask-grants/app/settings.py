FEATURES = {"exports": True}
