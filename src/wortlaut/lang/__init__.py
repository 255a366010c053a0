"""Language knowledge as data: ``lang/<code>/`` holds the word lists, patterns and markers.

The files are TSV (or plain word lists) read by :mod:`wortlaut.lang.tables`;
a new speech verb or month name is a one-line data change, not a code change.
"""
