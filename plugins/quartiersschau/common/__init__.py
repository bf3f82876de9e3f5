"""Small helpers every stage may use: content-hash caches, worker pools, file digests, the log prefix.

Nothing here knows records, entities or pages; the package imports nothing else of
the plugin (tests/test_layers.py checks this).
"""
