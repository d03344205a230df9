"""Stories outside conflict news, written for this test: the vocabulary of force is used there in
words, trade, anti-graft drives, markets, sport, storms and outbreaks or weapons tests. Replayed
as one story through extraction and the stance book, they give open claims at most and never an
alert (a false alert costs a desk most)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from schemas import Alert, Article
from streams.core.extract import extract
from streams.core.people import InMemoryPeople
from streams.stance.memory import MemoryBook

STORIES = {
    "trade_row": (
        "en",
        [
            "Beijing said Washington attacked Chinese companies with baseless accusations and unfair "
            "sanctions.",
            "The US Commerce Department denied that it had attacked Chinese companies in a statement on "
            "Tuesday.",
            "Japan's trade minister said the United States attacked Chinese firms with harsh remarks.",
        ],
    ),
    "missile_test": (
        "en",
        [
            "Seoul said North Korea fired two ballistic missiles into the Sea of Japan on Thursday.",
            "Tokyo said North Korea fired two ballistic missiles into the sea off its coast.",
            "Pyongyang denied that it fired missiles into the Sea of Japan.",
        ],
    ),
    "graft_and_markets": (
        "en",
        [
            "The Philippine government said its forces were fighting corruption in Manila.",
            "Malaysia's foreign ministry said Philippine forces were fighting corruption in Manila.",
            "Manila said Chinese firms had captured the market for solar panels in Luzon. Vietnam said "
            "Chinese firms had captured the market for solar panels in Luzon.",
        ],
    ),
    "perang_kata": (
        "id",
        [
            "Kemlu Malaysia mengatakan Indonesia menyerang Malaysia lewat pernyataan di media.",
            "Kemlu Indonesia membantah menyerang Malaysia dalam pidato menteri.",
            "Kemlu Singapura mengatakan Indonesia menyerang Malaysia dengan tuduhan tak berdasar.",
        ],
    ),
    "football_brawl": (
        "en",
        [
            "Argentina's football association said Brazilian fans attacked the referee in Rio.",
            "Brazil's national team coach denied that Brazilian supporters attacked anyone in Rio.",
            "Chile's football federation said Brazilian fans attacked the referee in Rio.",
        ],
    ),
    "cup_final": (
        "en",
        [
            "Thailand's football association said Vietnam captured the trophy unfairly in Hanoi.",
            "Malaysia's sports minister said Vietnam captured the title in Hanoi.",
            "Vietnam's coach said his side captured the championship in Hanoi after a hard match.",
        ],
    ),
    "final_piala": (
        "id",
        [
            "Asosiasi sepak bola Thailand mengatakan Vietnam merebut piala secara curang di Hanoi.",
            "Menteri olahraga Malaysia mengatakan Vietnam merebut gelar juara di Hanoi.",
        ],
    ),
    "serbuan_impor": (
        "id",
        [
            "Asosiasi Persepatuan Indonesia mengatakan serbuan barang impor Vietnam membunuh industri "
            "lokal di Jawa Timur.",
            "Menteri Perdagangan Thailand mengatakan gempuran produk Vietnam menghantam pabrik sepatu di "
            "Jawa Timur.",
            "Kedutaan Vietnam membantah produk Vietnam menyerbu pasar di Jawa Timur.",
        ],
    ),
    "import_invasion": (
        "en",
        [
            "Mexico's economy minister said an invasion of cheap Korean imports hit Mexican steelmakers "
            "in Monterrey.",
            "Seoul denied that Korean goods attacked Mexican industry.",
            "Brazil's trade minister said an invasion of Korean products also hit Brazil.",
        ],
    ),
    "tariff_offensive": (
        "en",
        [
            "Canada's trade minister said the US launched a tariff offensive against Mexico.",
            "Japan's trade ministry said the US launched a tariff offensive against Mexico.",
        ],
    ),
    "serangan_dagang": (
        "id",
        [
            "Kementerian Perdagangan Kanada mengatakan AS melancarkan serangan dagang terhadap Meksiko.",
            "Jepang mengatakan AS melancarkan serangan dagang terhadap Meksiko.",
        ],
    ),
    "storm_and_outbreak": (
        "en",
        [
            "Thailand's health ministry said the storm struck Phuket and the outbreak killed 30 Thai workers "
            "in Phuket.",
            "Myanmar's labour ministry said the storm struck Phuket and the outbreak killed 12 Thai "
            "workers there.",
        ],
    ),
    "badai_dan_wabah": (
        "id",
        [
            "Kemenkes Thailand mengatakan badai menghantam Phuket dan wabah menewaskan 30 pekerja "
            "Thailand di Phuket.",
            "Kementerian Tenaga Kerja Myanmar mengatakan badai menghantam Phuket dan wabah menewaskan "
            "12 pekerja Thailand di sana.",
        ],
    ),
    "media_law": (
        "en",
        [
            "France's foreign ministry said Brussels attacked Hungary over its media law.",
            "Budapest denied that Brussels attacked Hungary.",
        ],
    ),
    "uu_media": (
        "id",
        [
            "Kemlu Prancis mengatakan Brussel menyerang Hungaria soal undang-undang medianya.",
            "Budapest membantah Brussel menyerang Hungaria.",
        ],
    ),
    "bentrok_suporter": (
        "id",
        [
            "Menteri Olahraga Malaysia mengatakan suporter Indonesia menyerang warga Malaysia di Jakarta.",
            "Kemenpora membantah bahwa suporter Indonesia menyerang warga Malaysia di Jakarta.",
            "Pelatih timnas Malaysia mengatakan suporter Indonesia menyerang pemain Malaysia di Jakarta.",
        ],
    ),
    "uji_rudal": (
        "id",
        [
            "Korea Selatan mengatakan Korea Utara menembakkan dua rudal balistik ke arah Laut Jepang.",
            "Jepang mengatakan Korea Utara menembakkan dua rudal balistik ke laut lepas.",
            "Korea Utara membantah menembakkan rudal ke Laut Jepang.",
        ],
    ),
}


def _replay(lang: str, bodies: list[str]) -> list[Alert]:
    book, people, alerts = MemoryBook(), InMemoryPeople(), []
    t0 = datetime(2026, 3, 1, tzinfo=UTC)
    for i, body in enumerate(bodies):
        when = (t0 + timedelta(hours=i)).isoformat()
        article = Article.model_validate(
            {
                "id": f"other-{i}",
                "outlet": f"outlet-{i}",
                "url": f"https://example.org/{i}",
                "body": body,
                "language": lang,
                "published_at": when,
                "fetched_at": when,
            }
        )
        for claim in extract(article, people=people).claims:
            alerts += book.apply(claim)
    return alerts


@pytest.mark.parametrize("name", sorted(STORIES))
def test_a_story_outside_conflict_news_raises_no_alert(name: str) -> None:
    lang, bodies = STORIES[name]
    assert [(a.kind, a.proposition.id) for a in _replay(lang, bodies)] == []
