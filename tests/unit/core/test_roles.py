"""streams/core/roles.py: agent and patient from the grammar, in both languages, never the
speaker's party by default (sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.unit.core.helpers import assert_claims, claims_of, extract_body


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # active subject and object
        (
            "Serbia's army said Kosovar units attacked a Serbian police post overnight.",
            [("serbia", "affirm", "attack>serbia:kosovo:*")],
        ),
        (
            "Kementerian Pertahanan Armenia mengatakan pasukan Azerbaijan menyerang wilayah Armenia.",
            [("armenia", "affirm", "attack>armenia:azerbaijan:*")],
        ),
        # passive: the by-phrase acts
        (
            "Lebanon's army said its positions were shelled by Israeli tanks.",
            [("lebanon", "affirm", "attack>lebanon:israel:*")],
        ),
        # a noun and its owner
        (
            "Sudan's government said Eritrean strikes hit the border town.",
            [("sudan", "affirm", "attack:eritrea:*")],
        ),
        # Indonesian: a state after "di" is where the strike fell, not who struck
        (
            "Pemerintah Sudan mengatakan Eritrea melancarkan serangan udara di Ethiopia.",
            [("sudan", "affirm", "attack:eritrea:ethiopia")],
        ),
        # a possessive subject opening the statement is the speaker's side
        (
            "Egypt's military said its jets struck Islamic State positions.",
            [("egypt", "affirm", "attack>islamic_state:egypt:*")],
        ),
    ],
)
def test_agent_and_patient_come_from_the_clause(body: str, expected: list) -> None:  # type: ignore[type-arg]
    assert_claims(body, expected)


def test_no_agent_in_the_sentence_is_no_claim_not_the_speakers_side() -> None:
    # No attack by Peru; the dead are Peru's own by assumption (victims.speakers_own_people).
    assert_claims(
        "Peru's interior ministry said the attack left three people dead.",
        [("peru", "affirm", "casualties:peru:*")],
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Ghana accused Togo of violating the border accord.",
            [("ghana", "affirm", "agreement_violated:togo:*")],
        ),
        ("Mali membantah terlibat dalam serangan itu.", [("mali", "deny", "attack:mali:*")]),
        ("Niger denied any role in the raid.", [("niger", "deny", "attack:niger:*")]),
        ("Chile denied attacking first.", [("chile", "deny", "attack:chile:*")]),
    ],
)
def test_accusations_and_denials_of_involvement_set_the_agent(body: str, expected: list) -> None:  # type: ignore[type-arg]
    assert_claims(body, expected)


def test_denying_the_involvement_of_its_troops_denies_their_presence() -> None:
    from tests.unit.core.helpers import assert_claims as check

    check(
        "Uganda denies any involvement of its troops in the conflict.",
        [("uganda", "deny", "troops_deployed:uganda:*")],
    )
    # Involvement in the fighting is the fighting itself: one claim.
    check(
        "Kremlin menolak berkomentar soal keterlibatan tentara Suriah dalam pertempuran di Idlib.",
        [("russia", "noncommittal", "troops_in_combat:syria:idlib")],
    )


def test_a_pronoun_after_a_comma_before_the_verb_is_the_sentences_subject() -> None:
    from tests.unit.core.helpers import assert_claims as check

    check(
        "Uganda urged talks with the ADF rebels, even as it denies any involvement of its troops "
        "in the conflict.",
        [("uganda", "deny", "troops_deployed:uganda:*")],
    )


def test_a_gerund_after_a_preposition_takes_the_main_clauses_subject() -> None:
    from tests.unit.core.helpers import assert_claims as check

    # A town of one's own country taken back is a recapture; the named one of several is its place.
    check(
        "Ukraine's army said its units were shelling Russian positions after capturing two villages, "
        "including the city of Kharkiv.",
        [
            ("ukraine", "affirm", "territory_recaptured:ukraine:kharkiv"),
            ("ukraine", "affirm", "attack>russia:ukraine:*"),
        ],
    )


def test_a_mutual_accusation_is_each_sides_claim_against_the_other() -> None:
    from tests.unit.core.helpers import assert_claims as check

    check(
        "Sudan and Chad accuse each other of violating the border truce.",
        [("sudan", "affirm", "agreement_violated:chad:*"), ("chad", "affirm", "agreement_violated:sudan:*")],
    )
    check(
        "Sudan dan Chad saling menuduh melanggar gencatan senjata.",
        [("sudan", "affirm", "agreement_violated:chad:*"), ("chad", "affirm", "agreement_violated:sudan:*")],
    )


def test_asserting_compliance_denies_a_violation() -> None:
    from tests.unit.core.helpers import assert_claims as check

    check("The RSF insists it is abiding by the truce.", [("rsf", "deny", "agreement_violated:rsf:*")])
    check("Namun, RSF bersikeras mematuhi gencatan senjata.", [("rsf", "deny", "agreement_violated:rsf:*")])


def test_an_interception_is_an_attack_by_the_owner_of_what_was_intercepted() -> None:
    from tests.unit.core.helpers import assert_claims

    assert_claims(
        "Qatar's defence ministry said its air defences intercepted the incoming Iranian missiles.",
        [("qatar", "affirm", "attack>qatar:iran:*")],
    )
    assert_claims(
        "Kementerian Pertahanan Qatar mengatakan sistem pertahanan udaranya mencegat rudal-rudal Iran.",
        [("qatar", "affirm", "attack:iran:*")],
    )


def test_they_in_the_speakers_own_quoted_words_are_not_the_speakers_side() -> None:
    from tests.unit.core.helpers import assert_claims

    assert_claims("“They openly admitted killing 11 people,” Bolivia's interior minister said.", [])


def test_water_cannon_and_ramming_at_sea_are_attacks_with_an_institution_as_owner() -> None:
    from tests.unit.core.helpers import assert_claims

    assert_claims(
        "Vietnam said one fisherman was injured in a China Coast Guard water cannon attack.",
        [("vietnam", "affirm", "attack:china:*")],
    )
    assert_claims(
        "China's coast guard said the Vietnamese trawler deliberately rammed a Chinese ship.",
        [("china", "affirm", "attack>china:vietnam:*")],
    )
    assert_claims(
        "“Kapal Vietnam itu dengan sengaja menabrak kapal penjaga pantai China,” ujar juru bicara "
        "Penjaga Pantai China.",
        [("china", "affirm", "attack:vietnam:*")],
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Kenya said al-Shabaab was behind the attack.", [("kenya", "affirm", "attack:al_shabaab:*")]),
        (
            "Otoritas Kenya mengatakan al-Shabaab berada di balik serangan itu.",
            [("kenya", "affirm", "attack:al_shabaab:*")],
        ),
    ],
)
def test_whoever_is_behind_an_act_did_it(body: str, expected: list) -> None:  # type: ignore[type-arg]
    assert_claims(body, expected)


def test_there_being_attacks_is_no_act_of_the_speaker() -> None:
    """ "ada" (there is) opening the statement introduces the attacks; it does not make the
    speaker their author."""
    assert_claims("Badan atom Iran menyebutkan ada serangkaian serangan pada Minggu.", [], lang="id")
    own = "Iran menyebutkan pihaknya melancarkan serangkaian serangan."
    assert_claims(own, [("iran", "affirm", "attack:iran:*")], lang="id")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Somalia said Kenyan and Ethiopian strikes killed 12 people.",
            [
                ("somalia", "affirm", "attack:kenya:*"),
                ("somalia", "affirm", "attack:ethiopia:*"),
                ("somalia", "affirm", "casualties:somalia:*"),  # the dead: Somalia's, by assumption
            ],
        ),
        (
            "Somalia mengatakan serangan Kenya dan Ethiopia menewaskan 12 orang.",
            [
                ("somalia", "affirm", "attack:kenya:*"),
                ("somalia", "affirm", "attack:ethiopia:*"),
                ("somalia", "affirm", "casualties:somalia:*"),  # the dead: Somalia's, by assumption
            ],
        ),
        (
            "Russia said Ukraine and Poland attacked Belgorod.",
            [("russia", "affirm", "attack:ukraine:belgorod"), ("russia", "affirm", "attack:poland:belgorod")],
        ),
    ],
)
def test_parties_listed_together_are_each_an_agent(body: str, expected: list) -> None:  # type: ignore[type-arg]
    assert_claims(body, expected)


def test_a_demonym_right_before_the_event_noun_owns_it_inside_a_prepositional_phrase() -> None:
    assert_claims(
        "Two soldiers died in Russian shelling of Kherson, Ukraine's army said.",
        # (the soldiers of no named side are the army's own, by assumption; "in Russian
        # shelling" names no unknown place that would void their deaths)
        [("ukraine", "affirm", "attack:russia:*"), ("ukraine", "affirm", "casualties:ukraine:*")],
    )
    assert_claims(
        "Twelve civilians were killed in an Eritrean air strike, medics said.",
        [(None, "affirm", "attack:eritrea:*")],
    )


def test_the_class_preposition_names_the_patient_not_the_agent() -> None:
    """ "pembicaraan dengan X", "phone talks with X": X is whom the talks were with; a party after
    "dengan" is no owner of the noun before it."""
    assert_claims(
        "Kenya's foreign minister said he had held phone talks with Ethiopia's foreign minister.",
        [("kenya", "affirm", "negotiate>ethiopia:kenya:*")],
    )
    assert_claims(
        "Menteri Luar Negeri Kenya mengatakan Kenya telah mengadakan pembicaraan dengan Ethiopia.",
        [("kenya", "affirm", "negotiate>ethiopia:kenya:*")],
    )


def test_troops_right_before_a_participle_with_no_object_were_acted_on() -> None:
    """ "12 Kenyan soldiers killed in the ambush": the soldiers died; they killed no one."""
    assert_claims(
        "Kenya's army said 12 Kenyan soldiers killed in the ambush near the border.",
        [("kenya", "affirm", "casualties:kenya:*")],
    )
    assert_claims(
        "Kenya's army said at least 12 Kenyan soldiers killed on the Somali border.",
        [("kenya", "affirm", "casualties:kenya:*")],
    )
    assert_claims(
        "Kenya's army said Somali militants killed 12 Kenyan soldiers near the border.",
        [("kenya", "affirm", "attack>kenya:somalia:*"), ("kenya", "affirm", "casualties:kenya:*")],
    )


def test_a_plural_after_in_is_a_noun_with_no_subject_of_its_own() -> None:
    """ "... and used drones in attacks": no party before "attacks" acted; the place before the
    verb is not its subject."""
    assert_claims(
        "Kenya's army said Somali militants shelled villages in southern and central Kenya and also used "
        "drones in attacks.",
        [("kenya", "affirm", "attack:somalia:*")],
    )


def test_a_clause_describing_a_place_is_not_what_the_speaker_denies() -> None:
    """ "... in Darfur, where the president launched an offensive": background to the place."""
    assert_claims(
        "Sudan denied allegations that Chadian troops were in Darfur, "
        "where Sudan's army launched an offensive.",
        [("sudan", "deny", "troops_deployed:chad:darfur")],
    )


def test_condemning_the_strike_condemns_the_strike_the_article_told() -> None:
    assert_claims(
        "Kenya said it struck Somali militants in Kismayo. Ethiopia condemned the strike as reckless.",
        [
            ("kenya", "affirm", "attack>somalia:kenya:kismayo"),
            ("ethiopia", "affirm", "attack>somalia:kenya:kismayo"),
        ],
    )
    assert_claims("Ethiopia condemned the strike as reckless.", [])


def test_the_act_answered_is_not_the_strike_condemned_later() -> None:
    assert_claims(
        "Somalia said its forces struck Kenya's base in Mandera in response to recent Kenyan "
        "airstrikes on Somali towns. Ethiopia condemned the strike.",
        [
            ("somalia", "affirm", "attack>kenya:somalia:mandera"),
            ("somalia", "affirm", "attack>somalia:kenya:mandera"),
            ("ethiopia", "affirm", "attack>kenya:somalia:mandera"),
        ],
    )


def test_denying_the_attack_denies_the_attack_the_article_told() -> None:
    assert_claims(
        "Kenya said Somali drones hit the depot. Somalia denied the attack.",
        [("kenya", "affirm", "attack:somalia:*"), ("somalia", "deny", "attack:somalia:*")],
    )


@pytest.mark.parametrize(
    "body",
    [
        "Tiongkok menyebut kapal nelayannya ditembak kapal perang Indonesia.",
        "Tiongkok menyebut nelayannya ditembaki oleh kapal Angkatan Laut Indonesia.",
    ],
)
def test_the_ship_an_owner_fired_from_may_stand_before_the_owner(body: str) -> None:
    assert ("china", "affirm", "attack:indonesia:*") in claims_of(body, "id")


def test_a_navy_speaks_for_its_state() -> None:
    claims = extract_body(
        "Angkatan Laut Vietnam mengatakan kapal Tiongkok menabrak kapal patrolinya.", "id"
    ).claims
    assert [(c.speaker.text, c.speaker.party) for c in claims] == [("Angkatan Laut Vietnam", "vietnam")]


def test_a_trigger_holding_its_own_auxiliary_is_passive() -> None:
    """ "were targeted by Russian jets": the by-phrase names who attacked, the subject whom."""
    assert_claims(
        "Turkey said Syrian civilians were targeted by Russian jets.",
        [("turkey", "affirm", "attack>syria:russia:*")],
    )


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        (
            "The Philippine army said the Moro People's Liberation Front attacked an army post.",
            "en",
            [("philippines", "affirm", "attack:mplf:*")],
        ),
        (
            "Militer Filipina menuduh Front Pembebasan Rakyat Moro menyerang pos tentara.",
            "id",
            [("philippines", "affirm", "attack:front_pembebasan_rakyat_moro:*")],
        ),
    ],
)
def test_a_group_the_text_names_is_an_agent_like_a_known_party(body: str, lang: str, expected: list) -> None:  # type: ignore[type-arg]
    assert_claims(body, expected, lang)


def test_an_assassination_or_arson_by_a_named_side_is_its_attack() -> None:
    """CAMEO 18x: killing a named person, burning homes — by whoever the sentence names."""
    assert_claims(
        "Iran said Israel assassinated the Hamas leader in Tehran.",
        [("iran", "affirm", "attack>hamas:israel:tehran")],
    )
    assert_claims(
        "Officials said the militia had set fire to the houses in Jenin.",
        [],  # no side named: no one's attack
    )
    assert_claims(
        "Ukraine said Russian soldiers set fire to the houses in Kupiansk.",
        [("ukraine", "affirm", "attack:russia:kupiansk")],
    )


def test_a_hijacking_is_an_attack_and_a_hostage_taking_a_detention() -> None:
    """CAMEO 181: hijacking by a named side is its attack; people abducted or held hostage are
    detained (the guide's `arrest`), by whoever the sentence names."""
    assert_claims(
        "Pakistan's army said the Baloch Liberation Army had hijacked a passenger train.",
        [("pakistan", "affirm", "attack:bla:*")],
    )
    assert_claims(
        "Polisi Indonesia mengatakan TPNPB menyandera seorang pilot.",
        [("indonesia", "affirm", "arrest:tpnpb:*")],
        lang="id",
    )


def test_an_attack_by_an_unmanned_aircraft_is_its_owners() -> None:
    # "serangan pesawat tak berawak AS": the owner after the aircraft words, as after "drone"
    assert_claims(
        "Pejabat Chile mengonfirmasi serangan pesawat tak berawak Peru itu.",
        [("chile", "affirm", "attack:peru:*")],
    )


def test_an_unknown_actor_as_subject_or_agent_is_not_replaced_by_the_speaker() -> None:
    # "the XYZA had not captured Tacna": a named actor the gazetteer does not know took (or did
    # not take) the town; the speaker's side did not retake it.
    assert_claims("Peru's army spokesman said the MRTA had not captured Tacna.", [])
    assert_claims("Juru bicara militer Peru mengatakan Tacna tidak direbut MRTA.", [])


def test_a_party_described_by_a_relative_clause_up_to_the_verb_is_its_subject() -> None:
    # "kapal Peru yang masuk ... ke perairan itu sengaja menabrak ...": the vessel did the ramming
    assert_claims(
        "Angkatan Laut Chile menyatakan bahwa sebuah kapal Peru yang masuk secara ilegal ke perairan "
        "tersebut sengaja menabrak kapal Chile.",
        [("chile", "affirm", "attack>chile:peru:*")],
    )


def test_a_poisoning_or_slaughter_by_a_named_side_is_its_attack() -> None:
    assert_claims(
        "Chile said Peruvian agents poisoned a defector in Arica.", [("chile", "affirm", "attack:peru:arica")]
    )
    assert_claims(
        "Chile mengatakan agen Peru meracuni seorang pembelot di Arica.",
        [("chile", "affirm", "attack:peru:arica")],
    )
    assert_claims(
        "Chile said Peruvian troops slaughtered villagers near Arica.",
        [("chile", "affirm", "attack:peru:arica")],
    )
    # no perpetrator named: a poisoning is no one's attack
    assert_claims("Chile said a defector was poisoned in Arica.", [])


def test_counted_deaths_are_the_speakers_losses_and_a_persons_death_is_none() -> None:
    assert_claims(
        "Chile's army reported three civilian deaths after the shelling of Arica.",
        [("chile", "affirm", "casualties:chile:*")],
    )
    assert_claims(
        "Chile's navy confirmed two fatalities in the attack on Arica.",
        [("chile", "affirm", "casualties:chile:*")],
    )
    # "behind the death of" a person names an incident, not a side's losses
    assert_claims("Chile denied being behind the death of a Peruvian journalist.", [])


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the gerund of "fire at" is the act, like "fired at"
        (
            "Georgia's army denied firing at Russian positions.",
            [("georgia", "deny", "attack>russia:georgia:*")],
        ),
        # the under-phrase's own owner, between the marker and the noun
        (
            "Israel's army said its post near Metula came under Hezbollah rocket fire.",
            [("israel", "affirm", "attack>israel:hezbollah:metula")],
        ),
    ],
)
def test_fire_suffered_and_fire_denied(body: str, expected: list) -> None:  # type: ignore[type-arg]
    assert_claims(body, expected)


@pytest.mark.parametrize(
    "body",
    [
        # Indonesian order: the people counted after a killing noun are its victims, not its agent
        "TPNPB mengaku bertanggung jawab atas pembunuhan dua polisi Indonesia.",
        "Kelompok TPNPB mengaku bertanggung jawab atas pembunuhan empat prajurit TNI di pos itu.",
    ],
)
def test_the_people_after_a_killing_noun_are_its_victims(body: str) -> None:
    assert [c[2].split(":")[1] for c in claims_of(body, "id")] == ["tpnpb"]


def test_the_troops_after_an_attack_noun_are_its_agent() -> None:
    assert_claims(
        "Serangan pasukan Israel menewaskan 20 orang, kata Hamas.",
        [("hamas", "affirm", "attack:israel:*")],
        "id",
    )


def test_a_passive_participle_in_ght_takes_its_by_phrase_agent() -> None:
    # "brought down by": "brought" is a participle like "shot"
    assert ("canada", "affirm", "attack:iran:*") in claims_of(
        "Canada said the airliner was brought down by an Iranian missile."
    )


@pytest.mark.parametrize(
    ("body", "agent"),
    [
        # "they" after a subordinator goes on with the main clause's subject, not its object
        ("Ukraine said its forces killed 30 Russian soldiers when they shelled a village.", "ukraine"),
        ("Russia said its troops killed 20 Ukrainian soldiers after they shelled a border post.", "russia"),
        ("Moscow said Ukrainian troops killed two Russian guards while they attacked the depot.", "ukraine"),
    ],
)
def test_they_after_a_subordinator_is_the_main_subject(body: str, agent: str) -> None:
    attacks = [c[2] for c in claims_of(body) if c[2].startswith("attack:")]
    assert attacks == [f"attack:{agent}:*"]


@pytest.mark.parametrize(
    "body",
    [
        # "its"/"it" in another party's claim, with the speaker's own side as the target, is the claimant
        "New Delhi rejected Islamabad's claim that its air defences had shot down two Indian jets.",
        "New Delhi rejected Islamabad's claim that it had shot down two Indian jets.",
    ],
)
def test_the_claimants_pronoun_is_not_the_speaker_when_the_speaker_is_the_target(body: str) -> None:
    attacks = {c[2] for c in claims_of(body) if c[2].startswith("attack")}
    assert attacks == {"attack>india:pakistan:*"}


@pytest.mark.parametrize(
    "body",
    [
        "Afghanistan said air strikes were carried out by Pakistan in Khost.",
        "Afghanistan condemned air strikes carried out by Pakistan in Khost.",
    ],
)
def test_the_agent_of_an_act_noun_follows_a_participle_and_by(body: str) -> None:
    assert ("afghanistan", "affirm", "attack:pakistan:khost") in claims_of(body)


@pytest.mark.parametrize(
    "body",
    [
        "Al-Shabaab said its fighters killed at least 40 Ugandan soldiers.",
        "Al-Shabaab said its fighters killed dozens of Ugandan soldiers.",
    ],
)
def test_a_count_opening_the_object_keeps_the_verb_active(body: str) -> None:
    # "killed at least 40 ...": the count's "at" is no preposition after a participle
    assert ("al_shabaab", "affirm", "attack>uganda:al_shabaab:*") in claims_of(body, "en")


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Eritrea said its forces repelled an Ethiopian attack on the Tsorona front and killed more "
            "than 200 Ethiopian soldiers.",
            "en",
        ),
        (
            "Eritrea mengatakan pasukannya memukul mundur serangan Ethiopia di front Tsorona dan menewaskan "
            "lebih dari 200 tentara Ethiopia.",
            "id",
        ),
    ],
)
def test_killing_joined_to_a_defence_is_its_toll_not_an_attack_of_the_defender(body: str, lang: str) -> None:
    claims = claims_of(body, lang)
    assert ("eritrea", "affirm", "attack>eritrea:ethiopia:tsorona") in claims
    assert not [c for c in claims if c[2].startswith("attack") and ":eritrea:" in c[2]]


def test_killing_joined_to_an_attack_is_still_the_attackers() -> None:
    assert ("chad", "affirm", "attack:chad:*") in claims_of(
        "Chad said its army attacked the rebels and killed 30 fighters.", "en"
    )


def test_a_participle_before_its_nouns_copula_was_done_to_that_noun() -> None:
    # "the two Hamas commanders targeted were ...": Hamas was targeted; it attacked no one
    claims = claims_of(
        "Israel said the two Hamas commanders targeted were among the group's top leaders.", "en"
    )
    assert not [c for c in claims if c[2].startswith("attack") and ":hamas:" in c[2]]
