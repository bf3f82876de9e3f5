"""Stage 3, catalogue: validated records become one immutable, linked object graph.

``model`` and ``legal`` are the entities, ``builder`` links them both ways, and
``catalogue`` holds the graph and the figures derived from it. Templates only read it.
"""
