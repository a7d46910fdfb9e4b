import os

import httpx

httpx.post(os.environ["REFUNDS_API_ENDPOINT"] + "/refund")
