"""Stage 5, publish: feeds and open data, then the finished output folder.

``feeds`` and ``open_data`` write machine-readable files from the catalogue; the
rest works on the written output: ``sitemap``, ``search`` (Pagefind),
``compression``, ``headers``, and ``staging``, which swaps a complete build in.
"""
