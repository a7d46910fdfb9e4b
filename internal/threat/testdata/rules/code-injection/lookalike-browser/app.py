from flask import Flask, jsonify

app = Flask(__name__)


@app.route("/api/charts/<int:cid>")
def chart(cid):
    # The chart's options, its custom drawing code included, go to the page.
    return jsonify({"id": cid, "code": "return x"})
