"""streams/core/home.py: the one state an article is plainly about, and a bare state office read
as that state's (sentences written for these tests)."""

from __future__ import annotations

from streams.core.gazetteer import default_gazetteer
from streams.core.home import home_state
from streams.core.matching import Hit
from tests.unit.core.helpers import extract_body


def _hits(*keys: str) -> list[Hit]:
    return [Hit(i, i + 1, k, k) for i, k in enumerate(keys)]


def test_the_home_is_the_state_named_most_whose_land_holds_the_places() -> None:
    gaz = default_gazetteer()
    named, land = _hits("peru", "peru", "peru", "chile"), _hits("lima")
    assert home_state(gaz, named, land, least=3, lead=2.0) == "peru"


def test_no_home_when_two_states_share_the_story_or_troops_are_abroad() -> None:
    gaz = default_gazetteer()
    # two states named as often as each other
    assert home_state(gaz, _hits("peru", "peru", "chile", "chile"), _hits("lima"), least=2, lead=2.0) is None
    # one state named, the places in another's land (its troops abroad)
    assert home_state(gaz, _hits("peru", "peru", "peru"), _hits("santiago"), least=3, lead=2.0) is None
    # named too seldom, or no place at all
    assert home_state(gaz, _hits("peru", "peru"), _hits("lima"), least=3, lead=2.0) is None
    assert home_state(gaz, _hits("peru", "peru", "peru"), [], least=3, lead=2.0) is None


def test_an_armed_group_is_no_home() -> None:
    gaz = default_gazetteer()
    assert home_state(gaz, _hits("hamas", "hamas", "hamas"), _hits("gaza"), least=3, lead=2.0) is None


def _speakers(body: str) -> list[tuple[str, str | None, str]]:
    return [
        (a.speaker.text, a.speaker.party, a.speaker.resolved_by)
        for a in extract_body(body).attributions
        if a.speaker
    ]


def test_a_bare_state_office_in_a_story_about_one_state_is_that_states() -> None:
    body = (
        "Peru declared a state of emergency in Cusco on Monday. Peruvian police closed the roads to "
        "Machu Picchu, and Peru's president cancelled a trip to Lima. "
        "Twelve protesters were detained in Cusco overnight, the interior ministry said."
    )
    assert _speakers(body)[-1] == ("interior ministry", "peru", "home")


def test_a_bare_state_office_stays_no_ones_in_a_story_between_two_states() -> None:
    body = (
        "Peru and Chile traded accusations over the border at Tacna on Monday. Chilean troops and "
        "Peruvian police both moved to the crossing, Chile's president said. "
        "The road was closed, the army said."
    )
    assert ("army", None, "unknown") in _speakers(body)


_MALAYSIA = (
    "Malaysia's king opened parliament. Malaysia's parliament passed the budget. "
    "Malaysia's government raised fuel subsidies. "
)
_INDONESIA = (
    "Presiden Indonesia menunjuk tim baru. Parlemen Indonesia menyetujui anggaran. "
    "Pemerintah Indonesia menambah subsidi. "
)


def test_a_bare_minister_or_prosecutor_speaks_for_the_home_state() -> None:
    for body, lang in [
        (_MALAYSIA + "The finance minister denied that he had taken bribes.", "en"),
        (_MALAYSIA + "Prosecutors said the tycoon had bribed officials.", "en"),
        (_INDONESIA + "Menteri Koperasi membantah menerima suap dari pengusaha.", "id"),
        (_INDONESIA + "Jaksa penuntut umum menyebut pengusaha itu menyuap pejabat.", "id"),
    ]:
        last = extract_body(body, lang).claims[-1]
        assert last.speaker.party == ("malaysia" if lang == "en" else "indonesia"), body
