from setuptools import setup

setup(
    name="askdocs.io",
    version="1.0.0",
    packages=["app"],
)
