"""A tiny Flask app used as Layerwise's bundled example."""
import os

import psycopg2
from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/")
def index():
    return jsonify(status="ok", libpq=psycopg2.__libpq_version__)


@app.get("/db")
def db():
    dsn = os.environ.get("DATABASE_URL")
    if not dsn:
        return jsonify(error="DATABASE_URL is not set"), 503
    with psycopg2.connect(dsn) as conn, conn.cursor() as cur:
        cur.execute("select version()")
        return jsonify(version=cur.fetchone()[0])


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8000)
