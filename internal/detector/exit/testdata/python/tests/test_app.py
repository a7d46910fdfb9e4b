def test_debug(client):
    app.run(debug=True)
    print(request.headers)
    r = client.post("/api/notes", json={"title": "x"})
    return jsonify({"error": str(e)})
