from pathlib import Path

import pytest

from newsift import Article, Options, Report
from newsift.analysis import build_pipeline, resources_for
from newsift.cleaning import boilerplate_kind, is_headline_shaped
from newsift.cleaning.rules import sentence_furniture
from newsift.store import Store


def clean(text: str, title: str | None = None, domain: str | None = None, db: str = "/nonexistent/none.db") -> Report:
    pipeline = build_pipeline(["cleaning"], resources_for(Options(db=db)))
    return pipeline(Report(Article(text=text, title=title, domain=domain)))


def labels(report: Report) -> list[tuple[str, str]]:
    return [(s.attrs.get("kind", s.label), report.text[s.start : s.end]) for s in report.spans("cleaning")]


def test_repeated_title_also_when_slightly_different():
    text = "Mayor Closes Old Bridge\n\nMayor closes old bridge!\n\nThe mayor closed the bridge on Monday."
    found = labels(clean(text, title="Mayor Closes Old Bridge"))
    assert found[:2] == [("title", "Mayor Closes Old Bridge"), ("repeated_title", "Mayor closes old bridge!")]


def test_no_title_label_without_a_repeat_or_known_title():
    assert labels(clean("The mayor spoke.\n\nShe said more.")) == []


@pytest.mark.parametrize(
    "line, kind",
    [
        ("If you haven’t checked out and liked our Facebook page, please go here and do so.", "social_call_to_action"),
        ("Follow us on Twitter for more updates", "social_call_to_action"),
        ("Sign up for our daily newsletter", "newsletter_signup"),
        ("Start the Discussion:", "comment_prompt"),
        ("Leave a comment", "comment_prompt"),
        ("Share this article", "share_follow"),
        ("Read more: Council approves budget", "read_more"),
        ("Read the rest of the story at the Herald", "read_more"),
        ("Photo: Jane Doe / Reuters", "photo_credit"),
        ("© 2017 Daily Example. All rights reserved.", "copyright"),
        ("Please donate to support independent journalism", "donation_plea"),
        ("By Jane Doe, Staff Writer", "byline"),
    ],
)
def test_cue_rules(line, kind):
    assert boilerplate_kind(line)[0] == kind


@pytest.mark.parametrize(
    "line",
    [
        "He posted the video on his Facebook page on Monday, where it was shared 2,000 times.",
        "“We will follow the law,” she said.",
        "The company said its shares fell 3 percent after the report.",
        "The campaign says the average donation amount was $27.",
        "Give her a break. Melania was born in a poor communist country. She had to make ends meet.",
        "It's a gun advocate clichÃ© that an armed society is a polite society.",
        "She merely wanted men to sign up for mobile updates from Bernie Sanders's campaign, which she supported "
        "for months before the primary.",
        "Readers who donated blood were thanked by the hospital, which said supplies were low again this winter "
        "and that it would keep asking the public to come forward as the cold season went on for weeks.",
    ],
)
def test_news_sentences_are_not_furniture(line):
    assert boilerplate_kind(line) is None


def test_furniture_sentences_inside_a_line_of_reporting():
    closing = ("To hear the whole conversation with the mayor, which also covered the budget, click on "
               "http://podcast.example.com. To get \"The Town Files\" podcast every week, subscribe at "
               "http://podcasts.example.com/townfiles.")
    found = sentence_furniture(closing)
    assert [kind for *_, kind, _cue in found] == ["promo_link", "promo_link"]
    assert closing[found[0][0] : found[0][1]].endswith("click on http://podcast.example.com.")
    assert found[1][1] == len(closing)
    opinion = ("Ana Ruiz is a former county judge. The views expressed in this commentary are solely those of "
               "the author. She lives in Fresno.")
    [(start, end, kind, _)] = sentence_furniture(opinion)
    assert kind == "disclaimer" and opinion[start:end].startswith("The views expressed") and opinion[end:] == " She lives in Fresno."


@pytest.mark.parametrize(
    "line",
    [
        "The campaign urged supporters to visit www.example.org, where the plan was posted on Monday.",
        "Investigators said the views expressed in the messages were consistent with the suspect's posts.",
        "Officials said residents could watch the hearing, which was streamed live, but few did.",
    ],
)
def test_news_sentences_with_links_or_views_are_not_furniture(line):
    assert sentence_furniture(line) == []


def test_headline_shape():
    assert is_headline_shaped("Putin Urges US Business to Help Normalize Russia-US Relations")
    assert not is_headline_shaped("The president said Russia has many friends in the US.")
    assert not is_headline_shaped("Overall, Moscow believes US-Russia relations will return to normal.")


def test_related_headline_only_in_closing_furniture():
    body = "The council met on Monday.\n\nCouncil Approves New Budget For Schools\n\nIt voted 5-2.\n\n"
    tail = "Mayor Opens New Library In Town Centre\n\nLike us on Facebook!\n"
    found = labels(clean(body + tail))
    assert ("related_headline", "Mayor Opens New Library In Town Centre") in found
    assert all(text != "Council Approves New Budget For Schools" for _, text in found)


def test_seed_furniture_and_no_body_sentence(seed_path: Path):
    from newsift.readers import read_path

    article = next(read_path(str(seed_path)))
    report = build_pipeline(["cleaning"], resources_for(Options(db="/nonexistent.db")))(Report(article))
    found = labels(report)
    title = "Putin Trolls Comey Offering him Asylum for Political Persecution"
    assert found[0] == ("title", title) and found[1] == ("repeated_title", title)
    assert found[1:] and report.spans("cleaning")[1].start > 64
    kinds = [k for k, _ in found[2:]]
    texts = [t for _, t in found[2:]]
    assert texts == [
        "Putin Urges US Business to Help Normalize Russia-US Relations",
        "If you haven’t checked out and liked our Facebook page, please go here and do so.",
        "Start the Discussion:",
    ]
    assert kinds == ["related_headline", "social_call_to_action", "comment_prompt"]


def test_lines_recurring_across_a_site_are_furniture(tmp_path):
    db = str(tmp_path / "s.db")
    footer = "Daily Example is reader-funded and independent since 1999"
    with Store(db) as store:
        for i in range(4):
            store.add_article(Article(text=f"Story {i} body about topic {i}.\n\n{footer}", domain="daily.example"))
    text = f"A new story body.\n\n{footer}"
    found = labels(clean(text, domain="daily.example", db=db))
    assert ("site_recurring", footer) in found
    # another domain's identical line is not evidence
    assert labels(clean(text, domain="other.example", db=db)) == []


def test_a_big_sites_promos_recur_in_few_of_its_articles_but_its_reused_sentences_stay_text(tmp_path):
    db = str(tmp_path / "s.db")
    promo = "Clinton, Trump poised for historic debate battle"
    reused = "The Trump campaign did not respond to a request for comment on the report on Tuesday night."
    quoted = '"We will win this," the governor said.'
    with Store(db) as store:
        for i in range(30):  # 4 of 30 articles carry each line: far below the 0.3 share
            extra = f"\n\n{promo}\n\n{reused}\n\n{quoted}" if i < 4 else ""
            store.add_article(Article(text=f"Story {i} body about topic {i}.{extra}", domain="big.example"))
    found = labels(clean(f"A new story body.\n\n{promo}\n\n{reused}\n\n{quoted}", domain="big.example", db=db))
    assert found == [("site_recurring", promo)]
