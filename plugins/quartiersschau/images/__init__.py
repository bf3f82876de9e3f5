"""Stage 2, images: the originals that records name are checked and turned into derivatives.

``derivatives`` knows one image (open safely, clean, resize, encode); ``checks``
reports unusable image fields of records; ``pipeline`` makes and caches every
derivative of a build and publishes them.
"""
