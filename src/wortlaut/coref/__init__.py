"""Coreference for speakers: role descriptions and personal pronouns resolved to the article's entities.

:class:`CorefResolver` (:mod:`wortlaut.coref.resolve`) adds description and
pronoun mentions to an article's mentions, through the knowledge base's dated roles.
"""

from __future__ import annotations

from wortlaut.coref.resolve import CorefResolver

__all__ = ["CorefResolver"]
