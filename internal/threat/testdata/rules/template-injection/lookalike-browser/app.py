from flask import Flask, jsonify

app = Flask(__name__)


@app.route("/api/alerts/<int:cid>")
def alert(cid):
    # The alert's options, its custom drawing code included, go to the page.
    return jsonify({"id": cid, "template": "{{name}} is over"})
