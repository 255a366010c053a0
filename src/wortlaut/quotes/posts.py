"""Statements from the structure layer: embedded social-media posts and claims in the headline."""

from __future__ import annotations

from wortlaut.article import Article, Post
from wortlaut.quotes.context import Context
from wortlaut.quotes.cues import Cue, find_cues
from wortlaut.quotes.details import add_details
from wortlaut.quotes.found import Found
from wortlaut.quotes.speakers import phrase_after

#: A headline side of at most this many tokens before the colon can be a speaker ("Merkel: „…“").
MAX_HEADLINE_SPEAKER = 4


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def post_statement(article: Article, post: Post) -> Found | None:
    """An embedded post is a statement of its signature's author; the handle is the cue."""
    signature = post.signature
    body_end = signature.start if signature is not None and signature.start > post.start else post.end
    start, end = _strip(article.text, post.start, body_end)
    if end <= start:
        return None
    found = Found(mode="post", quote=[(start, end)], rule="post.signature", sentence=-1, medium="writing")
    if signature is not None:
        found.frame = (signature.start, signature.end)
        if post.author:
            at = article.text.find(post.author, signature.start, signature.end)
            if at >= 0:
                found.speaker = (at, at + len(post.author))
        if post.handle:
            at = article.text.find(post.handle, signature.start, signature.end)
            if at >= 0:
                found.cue = [(at, at + len(post.handle))]
    return found


def _frames(ctx: Context, cue: Cue, side: tuple[int, int]) -> bool:
    """Whether the speech verb after a headline's colon frames the claim before it (``Worüber X sprach``,
    ``Das fordert X``, ``… hat X gesagt``): a finite verb, or a participle or infinitive with a finite
    auxiliary.  An infinitive under a modal (``dürfen nicht … entscheiden``) or a participle alone (``auf
    Hilfe angewiesen``) is part of a claim of its own."""
    tag = ctx.tokens[cue.verb_index].pos
    if tag is None or tag.endswith("FIN") or tag == "VVIMP":
        return True
    return any(ctx.tokens[index].pos == "VAFIN" for index in range(*side))


def headline_statement(ctx: Context, start: int, end: int) -> Found | None:
    """``Claim: Worüber X sprach`` or ``X: „Claim“`` in a headline."""
    first = ctx.token_at(start)
    last = ctx.token_at(end)
    colon = next((index for index in range(first, last) if ctx.tokens[index].low == ":"), None)
    if colon is None or colon == first or colon + 1 >= last:
        return None
    left, right = (first, colon), (colon + 1, last)
    cues = find_cues(ctx.tokens, right[0], right[1], ctx.lexicon, set())
    if cues and not _frames(ctx, cues[0], right):
        return None  # "Global: Autonome Waffensysteme dürfen nicht … entscheiden": a claim, no frame
    if cues:
        cue = cues[0]
        speaker = None
        for index in range(right[0] + 1, cue.first):
            speaker = phrase_after(ctx.tokens, index, cue.first, ctx.lexicon)
            if speaker is not None:
                break
        found = Found(
            mode="headline",
            quote=[ctx.chars(*left)],
            rule="headline.claim_colon_frame",
            sentence=0,
            cue=[ctx.chars(part, part + 1) for part in cue.parts],
            medium=cue.verb.medium,
            frame=ctx.chars(*right),
        )
        found.speaker = ctx.chars(*speaker) if speaker else None
        add_details(ctx, found, addressee_verb="addr" in cue.verb.frames)
        found.frame = ctx.chars(*right)
        return found
    speaker = phrase_after(ctx.tokens, left[0], left[1], ctx.lexicon)
    if speaker is not None and speaker == left and left[1] - left[0] <= MAX_HEADLINE_SPEAKER:
        stop = right[1]
        return Found(
            mode="headline",
            quote=[ctx.chars(right[0], stop)],
            rule="headline.speaker_colon",
            sentence=0,
            speaker=ctx.chars(*speaker),
            medium="speech",
        )
    return None
