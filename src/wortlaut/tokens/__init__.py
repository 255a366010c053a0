"""Tokens and sentences of German news text, with code-point offsets.

:mod:`~wortlaut.tokens.tokenizer` tokenizes (spaCy's blank German tokenizer plus
news repairs), :mod:`~wortlaut.tokens.sentences` splits sentences by rules over
the tokens, :mod:`~wortlaut.tokens.blocks` cuts a text into the stretches no
sentence may cross.  The pipeline stage ``tokens.spacy.v1``
(:mod:`wortlaut.stages.tokens`) is an adapter over this package.
"""
