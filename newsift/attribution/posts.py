"""Embedded social posts as quotes: a tweet printed with its signature is words its author wrote.

"#trump2016 pic.twitter.com/… — Donald Trump Jr. (@DonaldJTrumpJr) September 19, 2016" is a direct
quote of Donald Trump Jr., not the outlet's own sentence: the post's words are the content, the
signature is the cue and names the speaker as it prints him. Which text is a post is read by the
same rule that provenance uses to keep shared posts out of copied narrative.
"""

from __future__ import annotations

from ..provenance.regions import post_authors
from .reported import Attribution

__all__ = ["post_attributions", "inside_posts"]

POST_CONFIDENCE = 0.95  # the signature line is explicit: name, handle and date


def post_attributions(text: str) -> list[Attribution]:
    """One direct quote per embedded post that has words before its signature."""
    found = []
    for start, end, signature, name, _handle in post_authors(text):
        body = text[start:signature]
        body_start, body_end = start + len(body) - len(body.lstrip()), start + len(body.rstrip())
        if body_end <= body_start:
            continue
        name_start = text.find(name, signature, end)
        mention = (name_start, name_start + len(name)) if name_start >= 0 else None
        found.append(Attribution([(body_start, body_end)], "direct", cue=(signature, end), mention=mention,
                                 speaker=name, confidence=POST_CONFIDENCE, quoted=[(body_start, body_end)],
                                 cue_kind="post", speaker_status="resolved",
                                 chain=[mention] if mention else []))
    return found


def inside_posts(attribution: Attribution, posts: list[Attribution]) -> bool:
    """Whether an attribution found by the other rules lies within a post (a quote inside a tweet)."""
    return any(p.start <= attribution.start and attribution.parts[-1][1] <= (p.cue or p.parts[-1])[1] for p in posts)
