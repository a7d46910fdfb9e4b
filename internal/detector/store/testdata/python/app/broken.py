import pika
conn = pika.BlockingConnection(pika.URLParameters("amqp://guest:guest@localhost/"  # want: store rabbitmq RabbitMQ
def (
