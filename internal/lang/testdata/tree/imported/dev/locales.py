LOCALES = ["en", "fr"]
