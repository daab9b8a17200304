"""The insats catalogue: the shipped file, a team's own file on top of it, and helpful errors for broken files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sst_desk import paths
from sst_desk.workflow.catalogue import (
    CatalogueAssessment,
    CatalogueError,
    default_catalogue_paths,
    load_catalogue,
    swedish_sort_key,
)
from sst_desk.workflow.codes import Assessment

SHIPPED = paths.resource("catalogue", "insatser.json")

# Every insats DOMAIN.md and the seeds name, by its stable key.
EXPECTED_KEYS = {
    "familjebehandling", "kontaktperson", "kontaktfamilj", "bsft", "skkp", "mst", "fft", "mdft", "tfco",
    "komet", "cope", "de_otroliga_aren", "triple_p", "coping_power", "dina", "snap", "art", "repuls",
    "individuell_kbt", "abc_tonar", "foraldrastegen", "family_check_up", "samarbetssamtal",
    "stod_utredande_socialsekreterare", "case_management", "stod_i_vardagen", "narvarouppfoljning",
    "meningsfull_fritid", "stod_skolpersonal",
    # seed 002's genomförande examples
    "foraldraskapsstod", "motiverande_samtal", "samordning_insatser", "relationsskapande_arbete", "anpassningar",
}


def write(path: Path, entries: list[dict], **top: object) -> Path:
    document = {"version": 1, "insatser": entries, **top}
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def entry(key: str, name: str, **fields: str) -> dict:
    return {"key": key, "name": name, "description": "", "assessment": "bada", **fields}


def test_shipped_catalogue_has_every_insats_from_the_seeds():
    catalogue = load_catalogue(SHIPPED)
    keys = {e.key for e in catalogue}
    assert EXPECTED_KEYS <= keys, EXPECTED_KEYS - keys
    names = {e.name for e in catalogue}
    for name in ("Familjebehandling", "Komet", "De otroliga åren", "Triple P", "ABC tonår", "Family Check-up",
                 "Närvarouppföljning", "Stöd till skolpersonal (TMO, handledning)"):
        assert name in names


def test_shipped_entries_are_complete_and_sourced():
    document = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert isinstance(document["version"], int)
    for e in load_catalogue(SHIPPED):
        assert e.description and e.source.startswith("Seed 00"), e.key
        assert e.evidence, e.key
        assert e.origin == SHIPPED


def test_shipped_catalogue_follows_the_seeds_on_assessment_and_ages():
    by_key = {e.key: e for e in load_catalogue(SHIPPED)}
    assert by_key["kontaktperson"].assessment is CatalogueAssessment.EFTER_BESLUT  # "(behovsprövat)", seed 001
    assert by_key["abc_tonar"].assessment is CatalogueAssessment.UTAN_BEHOVSPROVNING  # friyta, seed 001
    assert by_key["mst"].target_ages == "12–17"
    assert by_key["snap"].target_ages == "6–11"
    assert "Socialstyrelsen 2021" in by_key["tfco"].evidence


def test_scared_straight_is_not_offered():
    # Socialstyrelsen (2021): socialtjänsten bör inte erbjuda konsekvensprogram av typen Scared Straight.
    for e in load_catalogue(SHIPPED):
        assert "scared" not in (e.key + e.name).lower()


def test_sorted_by_swedish_name():
    names = [e.name for e in load_catalogue(SHIPPED)]
    assert names == sorted(names, key=swedish_sort_key)
    assert sorted(["Öberg", "Zeta", "Åsa", "Ärlig", "apa", "Émile", "Eva"], key=swedish_sort_key) == [
        "apa", "Émile", "Eva", "Zeta", "Åsa", "Ärlig", "Öberg",
    ]


def test_team_file_overrides_and_extends(tmp_path):
    team = write(tmp_path / "insatser.json", [
        entry("kontaktperson", "Kontaktperson (vår variant)", description="Läxhjälp varje vecka."),
        entry("zumba_for_alla", "Ödmjuk zumba", target_ages="10–15"),
    ])
    catalogue = load_catalogue(SHIPPED, team)
    by_key = {e.key: e for e in catalogue}
    assert len(catalogue) == len(load_catalogue(SHIPPED)) + 1
    assert by_key["kontaktperson"].name == "Kontaktperson (vår variant)"
    assert by_key["kontaktperson"].origin == team
    assert by_key["zumba_for_alla"].target_ages == "10–15"
    assert by_key["familjebehandling"].origin == SHIPPED
    assert catalogue[-1].key == "zumba_for_alla"  # "Ö" sorts last


def test_default_paths_add_the_team_file_only_when_it_exists(tmp_path, monkeypatch):
    monkeypatch.setenv("SST_DESK_DATA_DIR", str(tmp_path))
    assert default_catalogue_paths() == [SHIPPED]
    team = write(tmp_path / "insatser.json", [entry("egen", "Egen insats")])
    assert default_catalogue_paths() == [SHIPPED, team]
    assert "egen" in {e.key for e in load_catalogue()}


def test_assessment_fits_the_case():
    assert CatalogueAssessment.BADA.allows(Assessment.EFTER_BESLUT)
    assert CatalogueAssessment.EFTER_BESLUT.allows(Assessment.EFTER_BESLUT)
    assert not CatalogueAssessment.EFTER_BESLUT.allows(Assessment.UTAN_BEHOVSPROVNING)


@pytest.mark.parametrize(("entries", "index", "key", "field"), [
    ([entry("ok", "Ok"), {"key": "trasig", "description": "x"}], 1, "trasig", "name"),
    ([entry("ok", "Ok"), entry("ok2", "Ok", assessment="ja")], 1, "ok2", "assessment"),
    ([entry("Med Mellanslag", "X")], 0, "Med Mellanslag", "key"),
    ([{"name": "Utan nyckel"}], 0, None, "key"),
    ([entry("a", "A"), entry("a", "A igen")], 1, "a", "key"),
    ([entry("a", "A", desciption="stavfel")], 0, "a", "desciption"),
    ([entry("a", "A", target_ages=12)], 0, "a", "target_ages"),
])
def test_broken_entries_name_file_entry_and_field(tmp_path, entries, index, key, field):
    path = write(tmp_path / "team.json", entries)
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(SHIPPED, path)
    error = caught.value
    message = str(error)
    assert str(path) in message
    assert f"entry {index}" in message
    assert f"field {field!r}" in message
    if key:
        assert repr(key) in message
    assert (error.path, error.index, error.key, error.field_name) == (path, index, key, field)


@pytest.mark.parametrize(("content", "words"), [
    ('{"version": 1, "insatser": [', "not valid JSON"),
    ('[]', "top level"),
    ('{"insatser": []}', "'version'"),
    ('{"version": 1, "insatser": {}}', "'insatser'"),
    ('{"version": 1, "insatser": ["text"]}', "entry 0: must be an object"),
])
def test_broken_files_name_the_file_and_what_is_wrong(tmp_path, content, words):
    path = tmp_path / "team.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CatalogueError, match=str(path).replace("\\", "\\\\")) as caught:
        load_catalogue(path)
    assert words in str(caught.value)


def test_byte_order_mark_is_accepted_and_latin1_is_refused(tmp_path):
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + json.dumps({"version": 1, "insatser": [entry("a", "A")]}).encode())
    assert [e.key for e in load_catalogue(bom)] == ["a"]
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes('{"version": 1, "insatser": [{"key": "a", "name": "Stöd"}]}'.encode("latin-1"))
    with pytest.raises(CatalogueError, match="not UTF-8"):
        load_catalogue(latin1)


def test_missing_file_is_an_error(tmp_path):
    with pytest.raises(CatalogueError, match="file not found"):
        load_catalogue(tmp_path / "finns-inte.json")
