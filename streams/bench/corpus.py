"""A deterministic generator of realistic, varied news articles for the benchmark.

Each article is ~3 KB, in Indonesian or English, built from templates: attributed statements with
varied reporting constructions ("X mengatakan bahwa", "Menurut X", '"...," kata X', "X membantah",
"X said that", "according to X", "X denied reports that", "X declined to confirm whether"), many
actors (named people, ministries, agencies, unaffiliated analysts), propositions (deployment,
fighting, casualties, recapture, ongoing fighting, weapons supplies), figures with hedges
("sekitar 10.000", "more than 3,000", "ribuan"), dates, filler paragraphs and web-noise lines
("Baca juga:", "ADVERTISEMENT", "Read more:"). The same seed gives the same articles.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

from schemas import Article

TARGET_BYTES = 3_000

# --- actors: (full mention, short mention) per language ---------------------------------------
SPEAKERS: dict[str, list[tuple[str, str]]] = {
    "id": [
        ("Presiden Ukraina Volodymyr Zelensky", "Zelensky"),
        ("Juru bicara Kremlin Dmitry Peskov", "Peskov"),
        ("Presiden Rusia Vladimir Putin", "Putin"),
        ("Menteri Luar Negeri Rusia Sergei Lavrov", "Lavrov"),
        ("Juru bicara Kementerian Luar Negeri Rusia Maria Zakharova", "Zakharova"),
        ("Sekretaris Jenderal NATO Mark Rutte", "Rutte"),
        ("Juru bicara Kementerian Pertahanan Korea Selatan Jeon Ha-kyou", "Jeon Ha-kyou"),
        ("Sekretaris pers Pentagon Pat Ryder", "Ryder"),
        ("Menteri Luar Negeri AS Antony Blinken", "Blinken"),
        ("Badan Intelijen Nasional Korea Selatan", "NIS"),
        ("Kepala intelijen militer Ukraina Kyrylo Budanov", "Budanov"),
        ("Kantor Berita Pusat Korea (KCNA)", "KCNA"),
        ("Menteri Luar Negeri Korea Utara Choe Son Hui", "Choe Son Hui"),
        ("Panglima Angkatan Bersenjata Ukraina Oleksandr Syrskyi", "Syrskyi"),
        ("Menteri Pertahanan Rusia Andrei Belousov", "Belousov"),
        ("Juru bicara Gedung Putih John Kirby", "Kirby"),
        ("Sekretaris Jenderal PBB Antonio Guterres", "Guterres"),
        ("Kepala diplomat Uni Eropa Josep Borrell", "Borrell"),
        ("Presiden Korea Selatan Yoon Suk Yeol", "Yoon"),
        ("Kepala Staf Gabungan Korea Selatan", "Kepala Staf Gabungan"),
        ("Duta Besar Rusia untuk PBB Vassily Nebenzia", "Nebenzia"),
        ("Menteri Luar Negeri Ukraina Andrii Sybiha", "Sybiha"),
        ("Pemerintah Jepang", "Tokyo"),
        ("Kementerian Luar Negeri China", "Beijing"),
    ],
    "en": [
        ("Ukrainian President Volodymyr Zelensky", "Zelensky"),
        ("Kremlin spokesman Dmitry Peskov", "Peskov"),
        ("Russian President Vladimir Putin", "Putin"),
        ("Russian Foreign Minister Sergei Lavrov", "Lavrov"),
        ("Russian foreign ministry spokeswoman Maria Zakharova", "Zakharova"),
        ("NATO Secretary General Mark Rutte", "Rutte"),
        ("South Korean defence ministry spokesman Jeon Ha-kyou", "Jeon Ha-kyou"),
        ("Pentagon press secretary Pat Ryder", "Ryder"),
        ("US Secretary of State Antony Blinken", "Blinken"),
        ("South Korea's National Intelligence Service", "the NIS"),
        ("Ukrainian military intelligence chief Kyrylo Budanov", "Budanov"),
        ("North Korea's Korean Central News Agency", "KCNA"),
        ("North Korean Foreign Minister Choe Son Hui", "Choe Son Hui"),
        ("Ukraine's top commander Oleksandr Syrskyi", "Syrskyi"),
        ("Russian Defence Minister Andrei Belousov", "Belousov"),
        ("White House spokesman John Kirby", "Kirby"),
        ("UN Secretary-General Antonio Guterres", "Guterres"),
        ("EU foreign policy chief Josep Borrell", "Borrell"),
        ("South Korean President Yoon Suk Yeol", "Yoon"),
        ("South Korea's Joint Chiefs of Staff", "the JCS"),
        ("Russia's UN ambassador Vassily Nebenzia", "Nebenzia"),
        ("Ukrainian Foreign Minister Andrii Sybiha", "Sybiha"),
        ("Japan's government", "Tokyo"),
        ("China's foreign ministry", "Beijing"),
    ],
}
# Unaffiliated speakers with generated names: they exercise the unknown-speaker path.
_FIRST = [
    "Andi",
    "Budi",
    "Citra",
    "Dewi",
    "Eko",
    "Fajar",
    "Gita",
    "Hendra",
    "Irma",
    "Joko",
    "Anna",
    "Brian",
    "Clara",
    "David",
    "Elena",
    "Frank",
    "Grace",
    "Henry",
    "Ines",
    "Jonas",
]
_LAST = [
    "Santoso",
    "Wijaya",
    "Pratama",
    "Halim",
    "Kusuma",
    "Nugroho",
    "Saputra",
    "Lestari",
    "Miller",
    "Novak",
    "Keller",
    "Lindqvist",
    "Moreau",
    "Petrov",
    "Kowalski",
    "Tanaka",
]
_ANALYST = {
    "id": ["pengamat militer {n}", "analis pertahanan {n}", "peneliti keamanan {n}"],
    "en": ["military analyst {n}", "defence researcher {n}", "security expert {n}"],
}

# --- propositions ------------------------------------------------------------------------------
AGENTS = {  # whose troops: (id demonym, en demonym)
    "north_korea": ("Korea Utara", "North Korean"),
    "russia": ("Rusia", "Russian"),
    "ukraine": ("Ukraina", "Ukrainian"),
}
PLACES = {  # (id, en)
    "kursk": ("wilayah Kursk", "the Kursk region"),
    "russia": ("Rusia", "Russia"),
    "belgorod": ("wilayah Belgorod", "the Belgorod region"),
    "bryansk": ("wilayah Bryansk", "the Bryansk region"),
    "sudzha": ("kota Sudzha", "the town of Sudzha"),
    "donetsk": ("wilayah Donetsk", "the Donetsk region"),
    "pokrovsk": ("kota Pokrovsk", "the city of Pokrovsk"),
    "kharkiv": ("wilayah Kharkiv", "the Kharkiv region"),
    "zaporizhzhia": ("wilayah Zaporizhzhia", "the Zaporizhzhia region"),
    "kherson": ("wilayah Kherson", "the Kherson region"),
    "crimea": ("Krimea", "Crimea"),
    "russian_far_east": ("timur jauh Rusia", "Russia's Far East"),
    "vladivostok": ("Vladivostok", "Vladivostok"),
    "luhansk": ("wilayah Luhansk", "the Luhansk region"),
}
CONTENT: dict[str, dict[str, list[str]]] = {
    # {fig} is a figure phrase followed by a space, or empty; {ag} the troops' demonym; {pl} a place.
    "id": {
        "deploy": [
            "{fig}tentara {ag} telah dikerahkan ke {pl}",
            "pasukan {ag} sudah tiba di {pl}",
            "{fig}prajurit {ag} kini ditempatkan di {pl}",
            "{fig}tentara {ag} terlihat berkumpul di {pl}",
        ],
        "combat": [
            "tentara {ag} telah terlibat dalam pertempuran di {pl}",
            "{fig}pasukan {ag} ikut bertempur di {pl}",
        ],
        "casualties": [
            "{fig}tentara {ag} tewas atau terluka di {pl}",
            "{fig}prajurit {ag} tewas dalam pertempuran di {pl}",
        ],
        "recapture": [
            "pasukan Rusia telah merebut kembali {pl} sepenuhnya",
            "Rusia telah menguasai kembali {pl}",
        ],
        "ongoing": [
            "operasi militer Ukraina di {pl} masih berlangsung",
            "pertempuran di {pl} masih berlanjut",
        ],
        "weapons": [
            "Korea Utara memasok senjata dan amunisi ke Rusia",
            "Pyongyang mengirim rudal balistik ke Rusia",
        ],
    },
    "en": {
        "deploy": [
            "{fig}{ag} troops had been deployed to {pl}",
            "{ag} soldiers have arrived in {pl}",
            "{fig}{ag} troops are now stationed in {pl}",
            "{fig}{ag} soldiers were seen massing in {pl}",
        ],
        "combat": [
            "{ag} troops were fighting in {pl}",
            "{fig}{ag} soldiers are engaged in combat in {pl}",
        ],
        "casualties": [
            "{fig}{ag} soldiers had been killed or wounded in {pl}",
            "{fig}{ag} troops were killed in {pl}",
        ],
        "recapture": [
            "Russian forces had fully recaptured {pl}",
            "Russia has regained full control of {pl}",
        ],
        "ongoing": ["Ukrainian operations in {pl} are still ongoing", "fighting in {pl} continues"],
        "weapons": [
            "North Korea supplied weapons and ammunition to Russia",
            "Pyongyang shipped ammunition to Russia",
        ],
    },
}
EVENT_WEIGHTS = {
    "deploy": 5,
    "combat": 2,
    "casualties": 2,
    "recapture": 1,
    "ongoing": 1,
    "weapons": 1,
}

# --- reporting constructions ---------------------------------------------------------------------
# {SP} full speaker, {sp} short speaker, {C} content, {Cc} content capitalised, {d} date phrase.
REPORTING: dict[str, dict[str, list[str]]] = {
    "id": {
        "say": [
            "{SP} mengatakan {d} bahwa {C}.",
            "{SP} menegaskan bahwa {C}.",
            "Menurut {SP}, {C}.",
            "\u201c{Cc},\u201d kata {sp} {d}.",
            '"{Cc}," ujar {sp} kepada wartawan.',
            "{SP} mengungkapkan bahwa {C}.",
            "{Cc}, tutur {sp}.",
        ],
        "confirm": [
            "{SP} mengonfirmasi {d} bahwa {C}.",
            "{SP} membenarkan bahwa {C}.",
            "{SP} mengakui bahwa {C}.",
        ],
        "deny": [
            "{SP} membantah laporan bahwa {C}.",
            "{SP} menepis kabar bahwa {C}.",
            "{SP} menyangkal bahwa {C}.",
        ],
        "noncommittal": [
            "{SP} menolak mengonfirmasi apakah {C}.",
            "{SP} tidak dapat memastikan apakah {C}.",
        ],
    },
    "en": {
        "say": [
            "{SP} said {d} that {C}.",
            "{SP} told reporters that {C}.",
            "According to {SP}, {C}.",
            "\u201c{Cc},\u201d {sp} said {d}.",
            '"{Cc}," said {sp}.',
            "{SP} stated that {C}.",
        ],
        "confirm": ["{SP} confirmed {d} that {C}.", "{SP} acknowledged that {C}."],
        "deny": [
            "{SP} denied reports that {C}.",
            '{SP} rejected claims that {C}, calling them "fake news".',
            "{SP} dismissed reports that {C}.",
        ],
        "noncommittal": [
            "{SP} declined to confirm whether {C}.",
            "{SP} could not confirm that {C}.",
        ],
    },
}
STANCE_WEIGHTS = {"say": 6, "confirm": 2, "deny": 3, "noncommittal": 1}

# --- figures and dates ---------------------------------------------------------------------------
FIG_MODS = {
    "id": [
        "sekitar {n} ",
        "lebih dari {n} ",
        "setidaknya {n} ",
        "hingga {n} ",
        "{n} ",
        "sedikitnya {n} ",
        "hampir {n} ",
        "ribuan ",
        "kurang lebih {n} ",
    ],
    "en": [
        "about {n} ",
        "more than {n} ",
        "at least {n} ",
        "up to {n} ",
        "{n} ",
        "as many as {n} ",
        "nearly {n} ",
        "thousands of ",
        "an estimated {n} ",
    ],
}
FIG_VALUES = [
    500,
    800,
    1_000,
    1_200,
    1_500,
    2_000,
    3_000,
    3_500,
    5_000,
    8_000,
    10_000,
    11_000,
    12_000,
    15_000,
]
WEEKDAYS = {
    "id": ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}
MONTHS = {
    "id": [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}

# --- filler and noise ----------------------------------------------------------------------------
FILLER = {
    "id": [
        "Perang di Ukraina telah memasuki tahun ketiga dan belum menunjukkan tanda-tanda akan berakhir.",
        "Rusia dan Korea Utara menandatangani perjanjian kemitraan strategis komprehensif pada Juni lalu.",
        "Harga minyak dunia naik tipis setelah kabar tersebut beredar di pasar Asia pada sore hari.",
        "Sejumlah negara Barat memanggil duta besar masing-masing untuk membahas perkembangan terbaru.",
        "Situasi di garis depan timur terus berubah dari hari ke hari, dengan cuaca dingin yang mulai tiba.",
        "Para diplomat di Jenewa menggelar pertemuan tertutup selama hampir empat jam.",
        "Warga di kota-kota perbatasan diminta menyiapkan persediaan air dan makanan untuk beberapa hari.",
        "Pertemuan Dewan Keamanan PBB dijadwalkan ulang setelah permintaan dari beberapa anggota tetap.",
        "Ekonomi Rusia tetap tumbuh meski sanksi Barat diperketat sejak awal tahun.",
        "Jalur kereta api yang menghubungkan timur jauh dengan wilayah barat menjadi sorotan para pengamat.",
        "Pemerintah Korea Selatan menggelar rapat darurat keamanan nasional di kantor kepresidenan.",
        "Citra satelit komersial menunjukkan aktivitas di sejumlah pelabuhan di pantai timur.",
        "Sebagian besar media lokal belum dapat memverifikasi informasi itu secara independen.",
        "Menurut data pemerintah daerah, lebih dari 150 ribu warga telah mengungsi sejak Agustus.",
        "Nilai tukar rubel melemah terhadap dolar AS pada perdagangan Selasa pagi.",
        "Pertemuan tingkat menteri berikutnya direncanakan berlangsung di Brussel bulan depan.",
    ],
    "en": [
        "The war in Ukraine is now well into its third year with no sign of a ceasefire.",
        "Russia and North Korea signed a comprehensive strategic partnership treaty in June.",
        "Oil prices edged higher in Asian trading as the news spread through the markets.",
        "Several Western governments summoned ambassadors to discuss the latest developments.",
        "The situation along the eastern front changes daily as the first winter frosts set in.",
        "Diplomats in Geneva held a closed-door meeting that lasted almost four hours.",
        "Residents of border towns were urged to stock up on water and food for several days.",
        "A UN Security Council meeting was rescheduled at the request of several permanent members.",
        "Russia's economy has kept growing despite Western sanctions tightened since the start of the year.",
        "The rail line linking the Far East to the western regions has drawn attention from observers.",
        "Seoul convened an emergency national security meeting at the presidential office.",
        "Commercial satellite images showed unusual activity at several ports on the east coast.",
        "Most local media have not been able to verify the information independently.",
        "More than 150,000 residents have fled since August, according to local government data.",
        "The rouble weakened against the dollar in Tuesday morning trading.",
        "The next ministerial meeting is planned for Brussels next month.",
    ],
}
NOISE = {
    "id": [
        "Baca juga: {h}",
        "MEMBACA {h}",
        "Saksikan video di bawah ini:",
        "ADVERTISEMENT",
        "Editor: {n}",
        "Simak juga video berikut",
        "Baca selengkapnya di aplikasi kami",
    ],
    "en": [
        "Read more: {h}",
        "Advertisement",
        "Watch: {h}",
        "Reporting by {n}; Editing by {n}",
        "Related: {h}",
        "Sign up for our daily briefing",
    ],
}
HEADLINES = {
    "id": [
        "Korut Kirim Pasukan ke Rusia, Korsel Siaga",
        "Kremlin Bantah Laporan Intelijen",
        "NATO Gelar Rapat Darurat",
        "Harga Minyak Naik Tipis",
        "Zelensky Minta Bantuan Tambahan",
    ],
    "en": [
        "North Korean troops spotted in Russia",
        "Kremlin rejects intelligence report",
        "NATO holds emergency meeting",
        "Oil edges higher",
        "Zelensky asks for more air defence",
    ],
}
OUTLETS = {
    "id": [
        "Harian Kabar Dunia",
        "Warta Nusantara",
        "Suara Jakarta",
        "Kompas Dunia",
        "Detak News",
        "Tribun Global",
        "Berita Satu Dunia",
    ],
    "en": [
        "Northline Wire",
        "Global Desk",
        "The Meridian",
        "Eastern Herald",
        "Pacific Times",
        "World Report Daily",
        "Capital Dispatch",
    ],
}


@dataclass(frozen=True, slots=True)
class CorpusStats:
    articles: int
    languages: dict[str, int]
    bytes_total: int
    mean_bytes: float


def _fmt_number(n: int, lang: str) -> str:
    s = f"{n:,}"
    return s.replace(",", ".") if lang == "id" else s


def _date_phrase(rng: random.Random, lang: str, when: datetime) -> str:
    wd = WEEKDAYS[lang][when.weekday()]
    month = MONTHS[lang][when.month - 1]
    choice = rng.randrange(5)
    if lang == "id":
        return [
            f"pada hari {wd}",
            f"{wd} ({when.day}/{when.month}/{when.year})",
            f"pada {when.day} {month} {when.year}",
            "pekan lalu",
            "kemarin",
        ][choice]
    return [
        f"on {wd}",
        f"on {month} {when.day}, {when.year}",
        f"on {when.day} {month} {when.year}",
        "last week",
        "yesterday",
    ][choice]


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys], k=1)[0]


def _speaker(rng: random.Random, lang: str) -> tuple[str, str]:
    if rng.random() < 0.1:
        name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        return rng.choice(_ANALYST[lang]).format(n=name), name
    return rng.choice(SPEAKERS[lang])


def _content(rng: random.Random, lang: str) -> str:
    event = _weighted(rng, EVENT_WEIGHTS)
    template = rng.choice(CONTENT[lang][event])
    agent = rng.choices(list(AGENTS), weights=[6, 2, 1], k=1)[0]
    place = rng.choice(list(PLACES))
    fig = ""
    if "{fig}" in template and rng.random() < 0.7:
        fig = rng.choice(FIG_MODS[lang]).format(n=_fmt_number(rng.choice(FIG_VALUES), lang))
    ag = AGENTS[agent][0 if lang == "id" else 1]
    pl = PLACES[place][0 if lang == "id" else 1]
    return template.format(fig=fig, ag=ag, pl=pl)


def _statement(rng: random.Random, lang: str, when: datetime) -> str:
    full, short = _speaker(rng, lang)
    kind = _weighted(rng, STANCE_WEIGHTS)
    template = rng.choice(REPORTING[lang][kind])
    content = _content(rng, lang)
    return template.format(
        SP=full,
        sp=short,
        C=content,
        Cc=content[0].upper() + content[1:],
        d=_date_phrase(rng, lang, when - timedelta(days=rng.randrange(3))),
    )


def make_article(
    index: int,
    seed: int = 0,
    *,
    language: str | None = None,
    target_bytes: int = TARGET_BYTES,
    prefix: str = "bench",
) -> Article:
    """Article number `index` of the corpus for `seed` (independent of the other articles)."""
    rng = random.Random(f"{seed}:{index}")
    lang = language or ("id" if rng.random() < 0.5 else "en")
    published = datetime(2024, 10, 1, tzinfo=UTC) + timedelta(minutes=7 * index + rng.randrange(7))
    tz = timezone(timedelta(hours=7)) if lang == "id" else UTC
    published = published.astimezone(tz)
    outlet = rng.choice(OUTLETS[lang])
    city = rng.choice(["SEOUL", "KYIV", "MOSKOW" if lang == "id" else "MOSCOW", "WASHINGTON"])
    paras: list[str] = [f"{city} \u2014 {_statement(rng, lang, published)} {rng.choice(FILLER[lang])}"]
    size = len(paras[0].encode())
    while size < target_bytes:
        r = rng.random()
        if r < 0.45:
            n = rng.randint(1, 2)
            para = " ".join(_statement(rng, lang, published) for _ in range(n))
            if rng.random() < 0.5:
                para += " " + rng.choice(FILLER[lang])
        elif r < 0.85:
            para = " ".join(rng.sample(FILLER[lang], rng.randint(2, 3)))
        else:
            para = rng.choice(NOISE[lang]).format(
                h=rng.choice(HEADLINES[lang]), n=f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
            )
        paras.append(para)
        size += len(para.encode()) + 1
    title = rng.choice(HEADLINES[lang])
    return Article(
        id=f"{prefix}-{seed}-{index:07d}",
        outlet=outlet,
        language=lang,
        title=title,
        body="\n".join(paras),
        published_at=published,
        url=f"https://bench.test/{seed}/{index}",
    )


def generate(n: int, seed: int = 0, *, start: int = 0, prefix: str = "bench") -> Iterator[Article]:
    """n articles, numbered start..start+n-1, in event-time order."""
    for i in range(start, start + n):
        yield make_article(i, seed, prefix=prefix)


def stats(articles: list[Article]) -> CorpusStats:
    langs: dict[str, int] = {}
    total = 0
    for a in articles:
        langs[a.language or "?"] = langs.get(a.language or "?", 0) + 1
        total += len(a.body.encode())
    return CorpusStats(len(articles), langs, total, total / max(1, len(articles)))
