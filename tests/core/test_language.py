from newsift.language import english_share, paragraph_spans


def test_paragraphs_by_blank_lines_or_single_lines():
    text = "One line.\nstill one.\n\n  Two.  \n\n\nThree."
    spans = paragraph_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["One line.\nstill one.", "Two.", "Three."]
    flat = "First.\nSecond.\n"
    assert [flat[s.start : s.end] for s in paragraph_spans(flat)] == ["First.", "Second."]


def test_sentences_and_entities_are_offsets_into_the_text(analyzer):
    text = "Mayor Elena Ortiz spoke in Riverside on Monday.\n\nShe said the bridge would close. It is old."
    report = analyzer.analyze(text)
    sentences = [text[s.start : s.end] for s in report.spans("sentences")]
    assert sentences == ["Mayor Elena Ortiz spoke in Riverside on Monday.", "She said the bridge would close.",
                         "It is old."]
    people = [text[s.start : s.end] for s in report.spans("entities", "PERSON")]
    assert "Elena Ortiz" in people


def test_non_english_text_is_analysed_with_a_note(analyzer):
    text = "Der Bürgermeister sagte am Montag, die Brücke bleibe geschlossen. Die Reparatur koste viel Geld."
    report = analyzer.analyze(text)
    assert report.stage_ran("language")
    assert any("does not look like English" in n for n in report.notes)
    assert english_share("The mayor said that the bridge is closed.")[0] > 0.3
