"""Serve stage: the analyst's web app and the HTTP API (``crosswire serve``).

``crosswire.serve.app.create_app(db_path)`` builds the FastAPI application; this package
file imports nothing, so reading ``config`` does not load the web framework.
"""
