# A Celery app: its tasks wait in the broker the settings name.
from celery import Celery  # want: store celery Celery task queue

app = Celery("shop")


@app.task
def send_receipt(order_id):
    return order_id
