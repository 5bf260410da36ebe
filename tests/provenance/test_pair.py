"""A pair reads the same from both sides: passages, kinds, one direction; quotes and posts from either text;
furniture subtracted word by word; credits that name the other article."""

from pathlib import Path

from newsift.indexing import index_articles
from newsift.model import Article
from newsift.provenance import OTHER_COPIED, THIS_COPIED, UNKNOWN, trace_article
from newsift.provenance.direction import credits
from newsift.provenance.fingerprints import tokenize
from newsift.provenance.regions import embedded_posts, quoted_tokens
from newsift.provenance.trace import Match, Trace
from newsift.store import Store

NARRATIVE = [
    "The county water board voted on Tuesday to raise rates by nine percent starting in July.",
    "Board members said the increase would pay for replacing lead service lines in older neighbourhoods.",
    "The utility has replaced about four hundred lines since the program began three years ago.",
    "Residents who spoke at the hearing complained that the notice of the vote came too late.",
]
STATEMENT = ("We will not raise rates again this decade, and every household will get a letter explaining "
             "what the money pays for and when the work on its street will begin.")
TWEET = ("Proud of our crews who replaced forty lead lines on Elm Street this week, more to come next month "
         "#water pic.twitter.com/abc123\n— Ana Ruiz (@AnaRuizWater) March 3, 2026")
OWN = [
    "Our reporter spent the afternoon at the pumping station talking to the night shift about the work.",
    "Several of them said the new pipes arrive faster than the crews can lay them in the frozen ground.",
]


def _store(tmp_path: Path, articles: list[Article]) -> Store:
    store = Store(tmp_path / "store.db")
    list(index_articles(store, articles))
    return store


def _view(result: Trace, other_id: str) -> Match:
    [match] = [m for m in result.matches if m.article.id == other_id]
    return match


def _same_from_both_sides(store: Store, a: Article, b: Article) -> tuple[Match, Match]:
    ab, ba = _view(trace_article(store, a), b.id), _view(trace_article(store, b), a.id)
    assert sorted((p.a_start, p.a_end, p.b_start, p.b_end, p.kind) for p in ab.passages) == \
        sorted((p.b_start, p.b_end, p.a_start, p.a_end, p.kind) for p in ba.passages)
    assert ab.is_copy == ba.is_copy and ab.narrative_words == ba.narrative_words
    flipped = {THIS_COPIED: OTHER_COPIED, OTHER_COPIED: THIS_COPIED, UNKNOWN: UNKNOWN}
    assert ab.direction.label == flipped[ba.direction.label]
    assert ab.direction.confidence == ba.direction.confidence
    return ab, ba


def test_statement_in_marks_on_one_side_only_is_a_quote_from_both_sides(tmp_path: Path) -> None:
    # the source prints the statement in quotation marks; the copy prints it bare, as its own narrative
    source = Article("\n\n".join(NARRATIVE[:2] + [f'"{STATEMENT}" the chair said.'] + NARRATIVE[2:]), id="src",
                     domain="first.example", published="2026-03-01")
    copy = Article("\n\n".join(OWN[:1] + NARRATIVE[:2] + [STATEMENT] + OWN[1:]), id="copy",
                   domain="second.example", published="2026-03-02")
    store = _store(tmp_path, [source, copy])
    ab, ba = _same_from_both_sides(store, copy, source)
    statement = copy.text.index(STATEMENT)
    kinds = {p.kind for p in ab.passages if p.a_start <= statement + 10 < p.a_end}
    assert kinds == {"quote"}
    assert ab.is_copy and ab.direction.label == THIS_COPIED and ba.direction.label == OTHER_COPIED


def test_shared_statement_and_tweet_only_is_quote_overlap_without_direction(tmp_path: Path) -> None:
    one = Article("\n\n".join(OWN[:1] + [STATEMENT, TWEET]), id="one", domain="first.example")
    two = Article("\n\n".join([NARRATIVE[3], f'The chair said: "{STATEMENT}"', TWEET, OWN[1]]), id="two",
                  domain="second.example")
    store = _store(tmp_path, [one, two])
    ab, ba = _same_from_both_sides(store, one, two)
    assert not ab.is_copy and {p.kind for p in ab.passages} == {"quote"}
    assert ab.direction.label == UNKNOWN and ab.direction.confidence == 0.0


def test_embedded_post_is_someone_elses_words() -> None:
    text = "The chair posted on Thursday:\n" + TWEET + "\nThe board meets again in April."
    [(start, end)] = embedded_posts(text)
    assert text[start:end].startswith("Proud of our crews") and text[start:end].endswith("March 3, 2026")
    tokens = tokenize(text)
    mask = quoted_tokens(text, tokens)
    assert mask[tokens.words.index("crews")] and not mask[tokens.words.index("april")]


def test_site_furniture_is_subtracted_not_the_whole_passage(tmp_path: Path) -> None:
    pitch = "Get the morning briefing from the Daily Example in your inbox every weekday, free of charge, today."
    site = [Article(f"Story number {n} about something else entirely, with its own words and facts.\n{pitch}\n"
                    f"More of story {n}, which talks about the school budget and the library hours.",
                    id=f"site{n}", domain="dailyexample.example") for n in range(4)]
    source = Article("\n".join(NARRATIVE[:2] + [pitch] + NARRATIVE[2:]), id="src", domain="dailyexample.example")
    copy = Article("\n".join(OWN[:1] + ["From the Daily Example:"] + NARRATIVE[:2] + [pitch] + NARRATIVE[2:]),
                   id="copy", domain="copier.example")
    store = _store(tmp_path, site + [source, copy])
    match = _view(trace_article(store, copy), "src")
    assert match.is_copy and match.narrative_words >= 40
    assert not any(copy.text.index(pitch) <= p.a_start < copy.text.index(pitch) + len(pitch) for p in match.passages)
    assert match.direction.label == THIS_COPIED
    assert any("From the Daily Example:" in why for why in match.direction.evidence)


def test_credit_must_name_this_article_and_stand_outside_quotes() -> None:
    other = Article(" ".join(NARRATIVE), id="o", domain="politico.com", url="https://www.politico.com/story/a-1",
                    title="Water board raises rates to replace lead lines")
    elsewhere = Article("Politico reported it first: https://www.politico.com/story/b-2\n" + " ".join(NARRATIVE),
                        id="x")
    assert credits(elsewhere, other) is None  # links a different Politico article
    in_quote = Article('The mayor said: "As Politico writes every week, nothing ever changes here."\n'
                       + " ".join(NARRATIVE) + "\nThe end of our story.", id="y")
    assert credits(in_quote, other) is None
    titled = Article(" ".join(NARRATIVE) + '\nAs first reported in "Water board raises rates to replace lead '
                     'lines", the vote was close.\nMore later.\nAnd more.', id="z")
    assert credits(titled, other) is not None


def test_a_template_with_its_names_swapped_shares_fewer_words_than_it_spans(tmp_path: Path) -> None:
    template = ("The conversation with {0} was taped in Kiev, Ukraine, around the Yalta European Strategy conference, "
                "at which {0} and the host took part in a panel discussion on the American election and its aftermath "
                "for the alliance.")
    first = Article("\n\n".join(OWN[:1] + [template.format("Rove")] + NARRATIVE[:1]), id="a", domain="one.example")
    same = Article("\n\n".join(NARRATIVE[2:3] + [template.format("Rove")] + OWN[1:]), id="b", domain="two.example")
    swapped = Article("\n\n".join(NARRATIVE[2:3] + [template.format("Frank")] + OWN[1:]), id="c", domain="three.example")
    store = _store(tmp_path, [first, same, swapped])
    identical, _ = _same_from_both_sides(store, first, same)
    renamed, _ = _same_from_both_sides(store, first, swapped)
    assert renamed.narrative_words == identical.narrative_words - 2  # "Frank" twice is not a shared word


def test_an_embedded_post_names_who_posted_it() -> None:
    from newsift.provenance.regions import post_authors

    text = f"Intro line.\n\n{TWEET}\n\nMore reporting."
    [(start, end, sig, name, handle)] = post_authors(text)
    assert text[start:sig].startswith("Proud of our crews") and text[sig:end].startswith("— Ana Ruiz")
    assert (name, handle) == ("Ana Ruiz", "AnaRuizWater")
