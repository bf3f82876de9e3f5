"""Stage 1, load and validate: files become checked records, or a list of problems.

YAML is read with positions (``loading``), each record is checked against its JSON
Schema (``validation``, ``schemas/``), files are found and read per kind
(``reading``), and rules across records are checked (``crossrefs``). Every mistake
is a :class:`~.problems.Problem` naming file, line, column and field, in German.
"""
