"""The loader's rules one by one: each value refused with its exact located message, each value taken as meant.

Every case is one line added to a small valid file (or a small file of its own); the message is the
`file:line:column: path: message` line `wick validate` prints.

Each case is read twice: by the loader every other test imports, and by the loader's module run
anew. The format (the Specs, and the readers that choice, ident, ref and seq make) is built when the
module runs, once per process; running it anew is how a test sees a change to how it is built
(mutation testing changes code after the import).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from types import ModuleType

import pytest
import yaml

from wickcli import loader
from wickcli.errors import DataFileError
from wickcli.model import Budget

from .conftest import MINI


def _run_anew() -> ModuleType:
    """The loader's module run again under its own name, as a new process would; left out of sys.modules."""
    spec = importlib.util.spec_from_file_location("wickcli.loader", loader.__file__)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(params=["imported", "run anew"])
def reader(request: pytest.FixtureRequest) -> ModuleType:
    """Run anew for each test, so that each test is known to reach the code that builds the format."""
    return loader if request.param == "imported" else _run_anew()


HEAD = "franchise: F\nworks:\n  - id: w1\n    title: T\n    kind: film\n    status: released\n"
"""A valid file whose one work ends the file: a case adds a line (line 7) to that work."""


def problems(reader: ModuleType, text: str) -> list[str]:
    with pytest.raises(DataFileError) as error:
        reader.parse(text.encode(), "f.yaml")
    return str(error.value).splitlines()


VALUE_PROBLEMS = [
    # (a line added to the work, the problems, why)
    ("    runtime: -5", ["7:14: works[0].runtime: expected a whole number, got -5"], "no negative counts"),
    ("    runtime: 0x10", ["7:14: works[0].runtime: expected a whole number, got 0x10"], "decimal digits only"),
    ("    runtime: 1.5", ["7:14: works[0].runtime: expected a whole number, got 1.5"], "no fractions"),
    ("    runtime: '104'", ["7:14: works[0].runtime: expected a whole number, got '104'"], "quoted is text"),
    ("    runtime: true", ["7:14: works[0].runtime: expected a whole number, got true"], "a flag as written"),
    ("    runtime: [1]", ["7:14: works[0].runtime: expected a whole number, got a list"], "a list"),
    ("    runtime: {a: 1}", ["7:14: works[0].runtime: expected a whole number, got a mapping"], "a mapping"),
    ("    synopsis: ''", ["7:15: works[0].synopsis: expected text, got an empty string"], "empty text"),
    ("    synopsis: '  '", ["7:15: works[0].synopsis: expected text, got an empty string"], "blank text"),
    ("    synopsis: 2014-01-01", ["7:15: works[0].synopsis: expected text, got 2014-01-01"], "a date is no text"),
    ("    synopsis: [a]", ["7:15: works[0].synopsis: expected text, got a list"], "a list is no text"),
    ("    synopsis: yes", ["7:15: works[0].synopsis: expected text, got yes"], "YAML's yes is a flag"),
    ("    synopsis: !!binary aGk=", ["7:15: works[0].synopsis: unsupported YAML tag !!binary"], "a tag"),
    ("    synopsis: !custom x", ["7:15: works[0].synopsis: unsupported YAML tag !custom"], "a local tag"),
    ("    story: !!set {a}", ["7:12: works[0].story: unsupported YAML tag !!set"], "a tagged mapping"),
    ("    aliases: !!omap []", ["7:14: works[0].aliases: unsupported YAML tag !!omap"], "a tagged list"),
    ("    aliases: a", ["7:14: works[0].aliases: expected a list, got 'a'"], "one name is no list of one"),
    ("    aliases: [a, '']", ["7:18: works[0].aliases[1]: expected text, got an empty string"], "each item"),
    ("    sources: [ftp://x]", ["7:15: works[0].sources[0]: expected an http(s) URL, got 'ftp://x'"], "http only"),
    ("    sources: [http://a b]", ["7:15: works[0].sources[0]: expected an http(s) URL, got 'http://a b'"], "a space"),
    (
        "    budget: {amount: 5, currency: usd}",
        ["7:35: works[0].budget.currency: expected a currency code like USD, got 'usd'"],
        "a currency code is three capitals",
    ),
    (
        "    budget: {amount: 5, currency: USDX}",
        ["7:35: works[0].budget.currency: expected a currency code like USD, got 'USDX'"],
        "and only three",
    ),
    ("    story: [1]", ["7:12: works[0].story: expected a mapping, got a list"], "a list for a mapping"),
    ("    story: ~\n    story: {}", ["8:5: works[0].story: duplicate key 'story'"], "an empty value still counts"),
    ("    story: {order: 1, order: 2}", ["7:23: works[0].story.order: duplicate key 'order'"], "in a mapping inside"),
    ("    tilte: x", ["7:5: works[0].tilte: unknown key 'tilte' (did you mean 'title'?)"], "a typo of a key"),
    ("    ab: x", ["7:5: works[0].ab: unknown key 'ab'"], "too short a key for a guess"),
    ("    sequels: x", ["7:5: works[0].sequels: unknown key 'sequels' (did you mean 'sequel'?)"], "a plural"),
    ("    zzzzzz: x", ["7:5: works[0].zzzzzz: unknown key 'zzzzzz'"], "nothing close"),
    ("    1: x", ["7:5: works[0]: keys must be plain names"], "a number as a key"),
    ("    [a]: x", ["7:5: works[0]: keys must be plain names"], "a list as a key"),
    ("    !!str title: x", ["7:5: works[0].title: duplicate key 'title'"], "a key tagged as text is that key"),
    (
        "    releases: [{date: 2025-6-6, region: US, medium: tv}]",
        ["7:23: works[0].releases[0].date: expected a date like 2025-06-06, got '2025-6-6'"],
        "a date has two-digit months",
    ),
    (
        "    releases: [{date: 20250101, region: US, medium: tv}]",
        ["7:23: works[0].releases[0].date: expected a date like 2025-06-06, got 20250101"],
        "a number is no date",
    ),
    (
        "    releases: [{date: '2025-02-30', region: US, medium: tv}]",
        ["7:23: works[0].releases[0].date: 2025-02-30 is not a real date"],
        "quoted or not, the day must exist",
    ),
    (
        "    releases: [{date: 2025-01-01T10:00:00, region: US, medium: tv}]",
        ["7:23: works[0].releases[0].date: expected a date like 2025-06-06, got 2025-01-01T10:00:00"],
        "a time is no date",
    ),
    (
        "    releases: [{region: US}]",
        [
            "7:16: works[0].releases[0]: missing required key 'date'",
            "7:16: works[0].releases[0]: missing required key 'medium'",
        ],
        "each required key missing, in order of name",
    ),
    (
        "    releases: [{date: 2025-01-01, region: US, medium: tv, status: out}]",
        ["7:67: works[0].releases[0].status: expected one of released, scheduled; got 'out'"],
        "a release is released or scheduled",
    ),
    (
        "    synopsis: &a !custom x",
        ["7:15: works[0].synopsis: unsupported YAML tag !custom"],
        "an anchored value refused for its tag: its anchor is noted once, not taken for a second",
    ),
    (
        "    story: &s !!set {a}",
        ["7:12: works[0].story: unsupported YAML tag !!set"],
        "an anchored mapping refused for its tag",
    ),
    (
        "    aliases:\n      - a: [1, 2]",
        ["8:9: works[0].aliases[0]: expected text, got a mapping"],
        "a name read as a mapping whose value is a list: no hint, the list read past",
    ),
    (
        "    aliases:\n      - [a]: b",
        ["8:9: works[0].aliases[0]: expected text, got a mapping"],
        "a mapping whose key is a list",
    ),
    (
        "    aliases:\n      - a: 1\n        b: [2]",
        ["8:9: works[0].aliases[0]: expected text, got a mapping"],
        "a mapping of two keys, the second's value a list",
    ),
    (
        "    aliases:\n      - &k a: b",
        ["8:9: works[0].aliases[0]: expected text, got a mapping (text that contains ': ' must be quoted)"],
        "an anchored key",
    ),
    (
        "    story: !!set {a: &x 1}",
        ["7:12: works[0].story: unsupported YAML tag !!set"],
        "a mapping refused for its tag is read past, anchors inside it noted",
    ),
    (
        "    aliases:\n      - a: &v b c",
        ["8:9: works[0].aliases[0]: expected text, got a mapping (text that contains ': ' must be quoted)"],
        "text with ': ' whose second half is anchored",
    ),
    (
        "    aliases:\n      - a: 1\n        b: &x 2",
        ["8:9: works[0].aliases[0]: expected text, got a mapping"],
        "a mapping of two keys, the second's value anchored",
    ),
    ("    kind: film", ["7:5: works[0].kind: duplicate key 'kind'"], "a key given twice"),
    ("    title: ~", ["7:5: works[0].title: duplicate key 'title'"], "even when the second is empty"),
]


@pytest.mark.parametrize(("line", "expected", "why"), VALUE_PROBLEMS, ids=[v[2] for v in VALUE_PROBLEMS])
def test_a_refused_value_is_located(reader: ModuleType, line: str, expected: list[str], why: str) -> None:
    assert problems(reader, HEAD + line + "\n") == [f"f.yaml:{p}" for p in expected], why


WORK = "  - {id: w1, title: T, kind: film, status: released}\n"
FILE_PROBLEMS = [
    # (a whole file, the problems, why)
    ("works: []\n", ["1:1: top level: missing required key 'franchise'"], "the top level is named"),
    ("franchise: F\n", ["1:1: top level: missing required key 'works'"], "works are required"),
    ("franchise: ~\nworks: []\n", ["1:1: top level: missing required key 'franchise'"], "an empty value is missing"),
    ("franchise: F\nworks: []\nformat: 2\n", ["1:1: format: format 2 is not supported (expected 1)"], "format"),
    (
        "format: 2\nworks: 1\n",
        ["1:1: top level: missing required key 'franchise'", "2:8: works: expected a list, got 1"],
        "a format not understood is not judged when the file is refused anyway",
    ),
    ("franchise: F\nworks: [1]\n", ["2:9: works[0]: expected a mapping, got 1"], "a work is a mapping"),
    ("franchise: F\nworks: {}\n", ["2:8: works: expected a list, got a mapping"], "works are a list"),
    ("franchise: F\nworks: [~]\n", ["2:9: works[0]: expected a mapping, got nothing"], "an empty item"),
    ('franchise: F\nworks: []\n"franchise": G\n', ["3:1: franchise: duplicate key 'franchise'"], "quoted keys"),
    ("franchise: F\nworks: []\n? !!int 1\n: x\n", ["3:3: keys must be plain names"], "a key tagged as a number"),
    (
        "franchise: F\nworks:\n" + WORK + "  - {id: w1, title: U, kind: film, status: released}\n",
        ["4:10: works[1].id: duplicate id 'w1' (first used at line 3)"],
        "ids are unique",
    ),
    (
        "franchise: F\nworks:\n  - {id: W1, title: T, kind: film, status: released}\n",
        ["3:10: works[0].id: id 'W1' must be lower-case letters, digits and hyphens"],
        "lower case",
    ),
    (
        "franchise: F\nworks:\n  - {id: -w, title: T, kind: film, status: released}\n",
        ["3:10: works[0].id: id '-w' must be lower-case letters, digits and hyphens"],
        "not starting with a hyphen",
    ),
    (
        "franchise: F\nworks:\n  - {id: w 1, title: T, kind: film, status: released}\n",
        ["3:10: works[0].id: id 'w 1' must be lower-case letters, digits and hyphens"],
        "no space",
    ),
    (
        "franchise: F\nworks:\n" + WORK + "facts:\n  - {id: f1, text: T, about: [x9]}\n",
        ["5:31: facts[0].about[0]: no work or person or character with id 'x9'"],
        "a fact can be about any record",
    ),
    (
        "franchise: F\nworks:\n" + WORK + "facts:\n  - {id: f1, text: T, spoils: w11}\n",
        ["5:31: facts[0].spoils: no work with id 'w11' (did you mean 'w1'?)"],
        "a close id of the right kind is suggested",
    ),
    (
        "franchise: F\nworks:\n" + WORK + "people:\n  - {id: p1, name: P}\n  - {id: p2, name: Q}\n"
        "  - {id: p3, name: R}\n  - {id: p4, name: S}\ncredits:\n  - {work: w1, character: p1, person: w1}\n",
        [
            "10:27: credits[0].character: 'p1' is a person, not a character",
            "10:39: credits[0].person: 'w1' is a work, not a person (person ids: 'p1', 'p2', 'p3', ...)",
        ],
        "a record of another kind: the first three ids of the right kind, or none when there are none",
    ),
    (
        "franchise: F\nworks:\n  - {id: w1, title: T, kind: [film], status: released}\n",
        ["3:30: works[0].kind: expected text, got a list"],
        "a word of a vocabulary is text, and the list is read past",
    ),
    (
        "franchise: F\nworks:\n  - {id: [w1], title: T, kind: film, status: released}\n",
        ["3:10: works[0].id: expected text, got a list"],
        "an id is text",
    ),
    (
        "franchise: F\nworks:\n" + WORK + "facts:\n  - {id: f1, text: T, spoils: [w1]}\n",
        ["5:31: facts[0].spoils: expected text, got a list"],
        "a reference is one id",
    ),
    (
        "franchise: F\nworks:\n  - {id: w1, title: T, kind: film, status: released, sources: [[http://a]]}\n",
        ["3:64: works[0].sources[0]: expected text, got a list"],
        "a source is one address",
    ),
    (
        "franchise: F\nworks:\n" + WORK + "people:\n  - {id: p1, name: P}\n  - {id: p2, name: Q}\n"
        "  - {id: p3, name: R}\ncredits:\n  - {work: w1, character: w1, person: w1}\n",
        [
            "9:27: credits[0].character: 'w1' is a work, not a character",
            "9:39: credits[0].person: 'w1' is a work, not a person (person ids: 'p1', 'p2', 'p3')",
        ],
        "three ids of the right kind: all of them, no ellipsis",
    ),
    (
        "franchise: F\nworks:\n"
        + "".join(f"  - {{id: pa{i}, title: T, kind: film, status: released}}\n" for i in range(1, 5))
        + "facts:\n  - {id: f1, text: T, spoils: pa}\n",
        ["8:31: facts[0].spoils: no work with id 'pa' (did you mean 'pa1' or 'pa2' or 'pa3'?)"],
        "at most three close ids are suggested",
    ),
    (
        "franchise: F\nworks:\n  - {id: abcdefg-xyzab, title: T, kind: film, status: released}\n"
        "facts:\n  - {id: f1, text: T, spoils: abcdefg}\n",
        ["5:31: facts[0].spoils: no work with id 'abcdefg' (did you mean 'abcdefg-xyzab'?)"],
        "an id alike by 70 is still suggested",
    ),
    (
        "franchise: F\nworks:\n" + WORK + "facts:\n  - {id: f1, text: T, ab: x}\n",
        ["5:23: facts[0].ab: unknown key 'ab'"],
        "a two-letter key gets no guess, though 'about' starts with it",
    ),
    (
        "franchise: F\nworks:\n" + WORK + "facts:\n  - {id: f1, text: T, tag: x}\n",
        ["5:23: facts[0].tag: unknown key 'tag' (did you mean 'tags'?)"],
        "a three-letter key does",
    ),
    (
        "franchise: F\nworks: []\nx: {a: b c d\n",
        [
            "4:1: YAML syntax error: did not find expected ',' or '}' "
            "(while parsing a flow mapping that starts at line 3)"
        ],
        "a flow mapping left open at the end of the file",
    ),
    (
        "franchise: F\nworks: []\nx: {a: 'b' c}\n",
        [
            "3:12: YAML syntax error: did not find expected ',' or '}' "
            "(while parsing a flow mapping that starts at line 3)"
        ],
        "one ': ' in the broken item: the key before the mapping does not count",
    ),
    (
        "franchise: F\nworks:\n" + WORK + "facts:\n  - {id: f1, text: T, question: Q, answer: A, choices: [B, a]}\n",
        ["5:60: facts[0].choices[1]: 'a' is the answer; choices are the wrong answers to offer"],
        "the answer among the choices, whatever its case",
    ),
]


FACTS = "franchise: F\nworks: []\nfacts:\n  - {id: f1, text: T, answer: A, choices: [a], "
FILE_PROBLEMS += [
    (FACTS + "bogus: 1}\n", ["4:48: facts[0].bogus: unknown key 'bogus'"], "a fact refused for a key is not checked"),
    (FACTS + "text: U}\n", ["4:48: facts[0].text: duplicate key 'text'"], "nor for a key given twice"),
    (FACTS + "1: x}\n", ["4:48: facts[0]: keys must be plain names"], "nor for a key that is no name"),
    (FACTS + "tags: x}\n", ["4:54: facts[0].tags: expected a list, got 'x'"], "nor for a value refused"),
]


@pytest.mark.parametrize(("text", "expected", "why"), FILE_PROBLEMS, ids=[f[2] for f in FILE_PROBLEMS])
def test_a_refused_file_is_located(reader: ModuleType, text: str, expected: list[str], why: str) -> None:
    assert problems(reader, text) == [f"f.yaml:{p}" for p in expected], why


ACCEPTED = [
    # (a line added to the work, the field, its value, why)
    ("    runtime: 1_000", "runtime", 1000, "digits grouped with underscores"),
    ("    runtime: 0", "runtime", 0, "zero is a whole number"),
    ("    runtime: ~", "runtime", None, "an empty value is no value"),
    ("    synopsis: 12.5", "synopsis", "12.5", "a number where text is expected is taken as written"),
    ("    synopsis: !!str 12", "synopsis", "12", "text tagged as text"),
    ("    synopsis: '  A ferry.  '", "synopsis", "A ferry.", "spaces around text are dropped"),
    ("    synopsis: null", "synopsis", None, "null is no value"),
    ("    aliases: ~", "aliases", (), "an empty list"),
    ("    aliases: []", "aliases", (), "a list of none"),
    ("    aliases: [1999, x]", "aliases", ("1999", "x"), "numbers as names"),
    ("    sources: [https://a.org/x, https://a.org/x]", "sources", ("https://a.org/x",) * 2, "a source twice"),
    ("    'runtime': 90", "runtime", 90, "a quoted key is that key"),
    ("    budget: {amount: 5, currency: EUR}", "budget", Budget(amount=5, currency="EUR"), "a currency code"),
]


@pytest.mark.parametrize(("line", "field", "value", "why"), ACCEPTED, ids=[a[3] for a in ACCEPTED])
def test_a_value_is_taken_as_meant(reader: ModuleType, line: str, field: str, value: object, why: str) -> None:
    franchise = reader.parse((HEAD + line + "\n").encode(), "f.yaml")
    assert getattr(franchise.works[0], field) == value, why


def test_a_file_without_optional_lists_has_none(reader: ModuleType) -> None:
    franchise = reader.parse(b"franchise: F\nworks: []\n", "f.yaml")
    assert (franchise.name, franchise.data_as_of, franchise.format, franchise.path) == ("F", None, 1, "f.yaml")
    assert (franchise.works, franchise.people, franchise.characters, franchise.credits, franchise.facts) == (
        (),
        (),
        (),
        (),
        (),
    )


def test_dates_and_numbers_are_read_as_values(reader: ModuleType) -> None:
    text = HEAD + "    releases: [{date: 2025-06-06, region: US, medium: tv, status: scheduled}]\n    runtime: 125\n"
    (work,) = reader.parse(text.encode(), "f.yaml").works
    assert (work.releases[0].date, work.releases[0].status, work.runtime) == (dt.date(2025, 6, 6), "scheduled", 125)


@pytest.mark.parametrize(
    ("error", "shown", "why"),
    [
        (yaml.MarkedYAMLError(problem="broken"), "f.yaml: YAML syntax error: broken", "the problem YAML gives"),
        (yaml.MarkedYAMLError(context="while reading"), "f.yaml: YAML syntax error: while reading", "or its context"),
        (yaml.MarkedYAMLError(), "f.yaml: YAML syntax error: invalid YAML", "or neither"),
    ],
)
def test_a_syntax_error_without_a_place_is_shown_without_one(
    reader: ModuleType, error: yaml.MarkedYAMLError, shown: str, why: str
) -> None:
    assert reader._syntax_problem(error, "").render("f.yaml") == shown, why


def test_reading_reports_how_far_it_has_got(reader: ModuleType) -> None:
    """The meter of a long file moves at the end of each top-level list and every 4096 items of one."""
    people = "".join(f"  - {{id: p{i}, name: P}}\n" for i in range(4100))
    text = (
        "franchise: F\nworks:\n  - {id: w1, title: T, kind: film, status: released, aliases: [a, b]}\n"
        f"people:\n{people}facts: []\n"
    )
    told: list[tuple[int, int]] = []
    reader.parse(text.encode(), "f.yaml", lambda done, total: told.append((done, total)))
    assert told == [
        (text.index("people:"), len(text)),  # the works read (the aliases inside say nothing)
        (text.index("{id: p4095,"), len(text)),  # the 4096th person
        (text.index("facts:"), len(text)),  # every person read
        (len(text) - 1, len(text)),  # the facts read: the end of the file
    ]


@pytest.mark.parametrize(
    ("data", "shown", "why"),
    [
        (b"\nfranchise: F\xff\nworks: []\n", "f.yaml:2:13: not UTF-8 text", "after an empty first line"),
        (b"franchise: F\nworks: []\nx: ab\xffc\n", "f.yaml:3:6: not UTF-8 text", "on the third line"),
        (
            b"\nfranchise: F\x00\nworks: []\n",
            "f.yaml:2:13: control character U+0000 is not allowed in a knowledge file",
            "a control character after an empty first line",
        ),
    ],
)
def test_a_byte_that_is_no_text_is_located(reader: ModuleType, data: bytes, shown: str, why: str) -> None:
    with pytest.raises(DataFileError) as error:
        reader.parse(data, "f.yaml")
    assert str(error.value) == shown, why


def test_a_yaml_error_without_a_place(reader: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(source: str, ctx: object) -> None:
        raise yaml.YAMLError("the stream broke")

    monkeypatch.setattr(reader, "_stream", refuse)
    with pytest.raises(DataFileError) as error:
        reader.parse(b"franchise: F\nworks: []\n", "f.yaml")
    assert str(error.value) == "f.yaml: YAML error: the stream broke"


def test_problems_of_one_line_in_column_order(reader: ModuleType) -> None:
    """A missing key is found at the mapping's end but shown at its start, before the problems inside it."""
    assert problems(reader, "franchise: F\nworks:\n  - {id: W1, kind: film, status: released}\n") == [
        "f.yaml:3:5: works[0]: missing required key 'title'",
        "f.yaml:3:10: works[0].id: id 'W1' must be lower-case letters, digits and hyphens",
    ]


def test_warnings_in_line_order(reader: ModuleType) -> None:
    text = "franchise: F\nworks: []\nfacts:\n  - {id: f1, text: T, question: Q}\n  - {id: f2, question: Q, text: T, answer: A}\n"
    _, warnings = reader.check(text.encode(), "f.yaml")
    assert [w.render("f.yaml") for w in warnings] == [
        "f.yaml:4:33: facts[0]: has a question but no answer, so the quiz never asks it",
        "f.yaml:5:24: facts[1]: has a question but no choices; multiple-choice rounds leave it out "
        "unless enough wrong answers are found elsewhere",
    ], "by line, though the second is further left"


def test_lists_after_the_facts_are_read(reader: ModuleType) -> None:
    text = "franchise: F\nworks: []\nfacts:\n  - {id: f1, text: T, about: [p1]}\npeople:\n  - {id: p1, name: P}\n"
    franchise = reader.parse(text.encode(), "f.yaml")
    assert ([f.about for f in franchise.facts], [p.id for p in franchise.people]) == ([("p1",)], ["p1"])


def test_every_list_of_records_is_kept(reader: ModuleType) -> None:
    franchise = reader.load(str(MINI))
    assert [c.id for c in franchise.characters] == ["ellen-gray", "tom-gray"]
    assert [(c.work, c.character, c.person) for c in franchise.credits] == [
        ("hl1", "ellen-gray", "ada-voss"),
        ("hl0", "ellen-gray", "cleo-marchetti"),
        ("hl1", "tom-gray", "ben-okafor"),
    ]
    assert [f.id for f in franchise.facts] == ["hl-lighthouse"]
