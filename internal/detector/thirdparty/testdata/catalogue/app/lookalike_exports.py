"""Lookalikes: clients named like an SDK's, with no SDK imported."""


class AnthropicBedrock:
    pass


client = AnthropicBedrock()
