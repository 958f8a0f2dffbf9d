"""The interface text's catalogs: their form, and every language against the code using it.

Pure functions over text (nextround/messages.py, nextround/parse/message_uses.py,
nextround/check/messages.py); the build's use of them is in test_messages_build.py.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from nextround import messages
from nextround.check.messages import check_messages
from nextround.messages import CatalogError, read_catalog
from nextround.parse.message_uses import Use, python_uses, script_uses, template_uses
from nextround.render.dates import long_date

ENGLISH = """\
# A comment
checklist.reset: Reset
progress.done: "{done} of {total} done"
plan.event: "Next Round: {title}"
"""


def problems(text: str) -> list[str]:
    return [str(finding) for finding in read_catalog("en", "en.yml", text).problems]


def test_a_catalog_gives_each_text_with_its_values_filled_in():
    catalog = read_catalog("en", "en.yml", ENGLISH)
    assert catalog.problems == ()
    assert catalog.t("progress.done", done=3, total=8) == "3 of 8 done"
    assert catalog.messages["plan.event"].line == 4
    assert catalog.messages["progress.done"].names == {"done", "total"}
    counted = read_catalog("en", "en.yml", "a.b.one: '{count} item'\na.b.other: '{count} items'")
    assert [counted.counted("a.b", n) for n in (0, 1, 2)] == ["0 items", "1 item", "2 items"]


def test_each_problem_of_form_is_named_at_its_line():
    text = (
        "Checklist Reset: Reset\n"  # not a key
        "checklist.reset: Reset\n"
        "checklist.reset: Again\n"  # twice
        "checklist.print: yes\n"  # YAML reads a true, not a text
        "checklist.note: [a, b]\n"  # a list
        'checklist.done: "{done of {total}"\n'  # a brace that is not a placeholder
        'checklist.line: "one\\rtwo"\n'  # a carriage return
    )
    assert problems(text) == [
        "en.yml:1: 'Checklist Reset' is not a message key. Write a key as lowercase words and "
        "hyphens, a dot between groups: checklist.reset.",
        "en.yml:3: Message 'checklist.reset' is already on line 2. Keep one of the two lines.",
        "en.yml:4: Message 'checklist.print' should be one line of text. Write it after the "
        'colon, in quotes if YAML reads it as something else: "Yes".',
        "en.yml:5: Message 'checklist.note' should be one line of text. Write it after the "
        'colon, in quotes if YAML reads it as something else: "Yes".',
        "en.yml:6: Message 'checklist.done' has a brace that is not a {placeholder}: "
        "'{done of {total}'. A placeholder is a name in braces, like {count}; keep each one of "
        "the English.",
        "en.yml:7: Message 'checklist.line' holds U+000D (carriage return). Write it on one "
        "line, without control characters.",
    ]


def test_a_file_that_is_not_yaml_names_its_line():
    with pytest.raises(CatalogError) as raised:
        read_catalog("en", "includes/messages/en.yml", 'a.b: one\nc.d: "two\ne.f: x: y\n')
    assert str(raised.value).startswith("includes/messages/en.yml:")
    assert "is not valid YAML" in str(raised.value)
    with pytest.raises(CatalogError, match=r"^en\.yml:1: a catalog is a list"):
        read_catalog("en", "en.yml", "- a\n- b\n")


def test_a_language_without_a_catalog_stops_with_the_file_to_write(tmp_path):
    (tmp_path / "en.yml").write_text(ENGLISH)
    with pytest.raises(CatalogError, match=r"theme.language is 'fr', but .*fr\.yml does not"):
        messages.load("fr", tmp_path)
    with pytest.raises(CatalogError, match="is not a language code"):
        messages.load("../../etc/passwd", tmp_path)


def test_scripts_name_the_key_line_and_values_of_each_call():
    source = (
        '/* nr.t("in.a-comment") is an example */\n'
        'const a = nr.t("checklist.reset");\n'
        '// nr.t("in.a-line-comment")\n'
        "show(nr.t('progress.done', { done, total: items.length }),\n"
        '  nr.t("plan.event", values), nr.t(key));\n'
    )
    assert script_uses("x.js", source) == [
        Use("x.js", 2, "checklist.reset", frozenset()),
        Use("x.js", 4, "progress.done", frozenset({"done", "total"})),
        Use("x.js", 5, "plan.event", None),
        Use("x.js", 5, "", problem="nr.t( without its key written out in quotes"),
    ]


def test_python_names_the_keys_of_t_counted_and_placeholders():
    source = (
        "label = catalog.t('print.note-line')\n"
        "line = catalog.counted('reading-time', minutes)\n"
        "title = catalog.t('handouts.plan-title', title=name)\n"
        "PLACEHOLDERS = (Placeholder('you', in_form=True),)\n"
        "other = catalog.t(f'placeholder.{key}')\n"
    )
    assert python_uses("x.py", source) == [
        Use("x.py", 1, "print.note-line", frozenset()),
        Use("x.py", 2, "reading-time.one", frozenset({"count"})),
        Use("x.py", 2, "reading-time.other", frozenset({"count"})),
        Use("x.py", 3, "handouts.plan-title", frozenset({"title"})),
        Use("x.py", 4, "placeholder.you", frozenset()),
    ]


def test_templates_name_the_key_line_and_values_of_each_call():
    source = (
        '{#- nr_t("in.a-comment") is an example -#}\n'
        '<a href="x">{{ nr_t("help.now") }}</a>\n'
        "{{ nr_t('page.last-reviewed', date=when) }}\n"
        '<aside aria-label="{{ nr_t(key) }}">\n'
    )
    assert template_uses("x.html", source) == [
        Use("x.html", 2, "help.now", frozenset()),
        Use("x.html", 3, "page.last-reviewed", frozenset({"date"})),
        Use("x.html", 4, "", problem="nr_t( without its key written out in quotes"),
    ]


def test_a_date_is_written_out_in_the_catalogs_language():
    day = date(2026, 11, 27)
    assert long_date(day, messages.load("en")) == "November 27, 2026"
    assert long_date(day, messages.load("es")) == "27 de noviembre de 2026"
    assert long_date(date(2027, 1, 3), messages.load("es")) == "3 de enero de 2027"


def test_month_names_that_are_not_twelve_are_named_at_their_line(tmp_path):
    months = "January, February, March, April, May, June, July, August, September, October"
    english = f'date.months: {months}, November\ndate.long: "{{month}} {{day}}, {{year}}"\n'
    folder = catalogs(tmp_path, en=english)
    uses = [Use("x.py", 1, "date.months", frozenset()), Use("x.py", 2, "date.long", None)]
    assert [str(f) for f in check_messages(folder, uses)] == [
        f"{folder}/en.yml:1: Message 'date.months' names 11 months, not 12. Write the twelve "
        "month names, January first, with a comma between two.",
    ]
    assert long_date(date(2026, 11, 27), read_catalog("en", "en.yml", english)) == "2026-11-27"


def test_the_spanish_catalog_has_every_english_key_and_no_other():
    english = messages.load("en").messages
    spanish = messages.load("es").messages
    assert sorted(set(english) - set(spanish)) == []
    assert sorted(set(spanish) - set(english)) == []


def catalogs(folder: Path, **files: str) -> Path:
    for language, text in files.items():
        (folder / f"{language}.yml").write_text(text, encoding="utf-8")
    return folder


USES = [
    Use("docs/javascripts/checklists.js", 27, "checklist.reset", frozenset()),
    Use("docs/javascripts/progress-bar.js", 18, "progress.done", frozenset({"done", "total"})),
    Use("docs/javascripts/plan.js", 90, "plan.event", frozenset({"title"})),
]


def test_a_message_missing_from_a_language_is_named_where_the_code_uses_it(tmp_path):
    folder = catalogs(
        tmp_path,
        en=ENGLISH,
        fr='progress.done: "XX {done} of {total} done"\nplan.event: "XX {title}"\n',
    )
    assert [str(f) for f in check_messages(folder, USES)] == [
        f"docs/javascripts/checklists.js:27: Message 'checklist.reset' is not in {folder}/fr.yml. "
        f"Add 'checklist.reset: ...' there, translating {folder}/en.yml:2 ('Reset').",
    ]


def test_a_key_no_code_uses_is_named_at_its_catalog_line(tmp_path):
    folder = catalogs(tmp_path, en=ENGLISH + "old.button: Old\n")
    assert [str(f) for f in check_messages(folder, USES)] == [
        f"{folder}/en.yml:5: Message 'old.button' is used by no script or renderer. Delete the "
        "line, or use the key (nr.t in a script, catalog.t in the build, nr_t in a template).",
    ]


def test_placeholders_match_the_english_and_the_values_the_code_gives(tmp_path):
    folder = catalogs(
        tmp_path,
        en=ENGLISH.replace("{title}", "{name}"),
        fr='checklist.reset: XX\nprogress.done: "XX {done} de {totl}"\nplan.event: "XX {name}"\n',
    )
    assert sorted(str(f) for f in check_messages(folder, USES)) == [
        f"{folder}/fr.yml:2: Message 'progress.done' has {{done}}, {{totl}}, but the English "
        f"({folder}/en.yml:3) has {{done}}, {{total}}. Keep each {{name}} of the English, spelled "
        "the same; translate only the words around them.",
        "docs/javascripts/plan.js:90: Message 'plan.event' is given {title}, but its text "
        f"({folder}/en.yml:4) has {{name}}. Give exactly the values its text names, or change "
        "the text.",
    ]


def test_a_broken_catalog_of_another_language_is_a_finding_at_its_line(tmp_path):
    folder = catalogs(tmp_path, en=ENGLISH, fr='checklist.reset: "XX\n')
    [finding] = [f for f in check_messages(folder, USES) if f.path.endswith("fr.yml")]
    assert finding.line == 2 and "is not valid YAML" in finding.message


def test_the_sites_catalog_and_code_agree():
    assert [str(finding) for finding in check_messages()] == []
