import anthropic
from unittest import mock

password = "hunter2"
