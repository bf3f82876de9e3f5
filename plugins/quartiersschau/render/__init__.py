"""Stage 4, render: the catalogue becomes pages and the files that pages show.

The Jinja environment and its filters (``environment``, ``filters``), Markdown
(``markdown``), the list of pages (``jobs``) and their rendering (``rendering``),
and what pages embed: maps, charts, structured data, contact cards.
"""
