"""The offline copy's file on its own (a real SQLCipher file, no server): who opens it, what a damaged one says,
the shared-document states merging, the copy brought up to date, and the wipe."""

from __future__ import annotations

import datetime as dt
import os
import stat
import sys
from pathlib import Path

import pytest
from pycrdt import Doc, Text

from sst_desk.offline import store as offline_store
from sst_desk.offline.store import OfflineCopyError, OfflineStore, merge_states
from sst_desk.security.signin import SignInError
from sst_desk.services.cases import CaseFile
from sst_desk.services.offline import OfflineCopy
from sst_desk.workflow.access import Action, Actor, Resource, Role
from sst_desk.workflow.caselist import CaseRow

sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))
from builders import make_case  # noqa: E402

URL = "https://sst.kommun.example:8443"
PASSWORD = "Lingonris-Vårflod-52"
SARA = Actor(3, "sara", "Sara Socionom", Role.SKOLSOCIONOM)


def copy_of(*ids: int, drop: tuple[int, ...] = (), revision: int = 1) -> OfflineCopy:
    files, rows = [], []
    for case_id in ids:
        case = make_case()
        case.id, case.revision = case_id, revision
        files.append(CaseFile(case, (), frozenset({(Resource.CASE, Action.EDIT)})))
        rows.append(CaseRow(case_id=case_id, student_name=case.student.full_name, personal_id=None, school="",
                            grade=None, stage=case.stage, level=case.level, socionom="", raised_on=case.raised_on,
                            next_due=None, attention=frozenset()))
    return OfflineCopy(files=tuple(files), drop=drop, rows=tuple(rows),
                       taken_at=dt.datetime(2031, 5, 17, 12, 32, tzinfo=dt.UTC))


def test_the_copy_is_private_encrypted_and_opens_with_the_password_only(tmp_path):
    store = OfflineStore.create(URL, "sara", PASSWORD, tmp_path)
    store.apply(copy_of(1, 2), actor=SARA)
    assert stat.S_IMODE(store.file.stat().st_mode) == 0o600 and "sara" not in store.file.name
    assert offline_store.copy_file(URL + "/", "Sara ", tmp_path) == store.file  # the same copy, however typed
    assert offline_store.copy_file(URL, "karin", tmp_path) != store.file
    again = OfflineStore.open(URL, "sara", PASSWORD, tmp_path)
    assert again.case_ids() == [1, 2] and again.actor() == SARA
    assert again.synced_at == dt.datetime(2031, 5, 17, 12, 32, tzinfo=dt.UTC)
    assert again.case_file(1).may(Action.EDIT) and again.case_file(3) is None
    with pytest.raises(SignInError) as wrong:
        OfflineStore.open(URL, "sara", "Fel-lösenord-1", tmp_path)
    assert wrong.value.code == "wrong_credentials"
    with pytest.raises(SignInError) as none:
        OfflineStore.open(URL, "karin", PASSWORD, tmp_path)  # no copy for her: the same sentence
    assert none.value.code == "wrong_credentials"


def test_many_wrong_passwords_make_the_offline_sign_in_wait(tmp_path):
    OfflineStore.create(URL, "sara", PASSWORD, tmp_path)
    codes = []
    for _ in range(6):
        try:
            OfflineStore.open(URL, "sara", "Fel-lösenord-1", tmp_path, wait=0.0)
        except SignInError as exc:
            codes.append(exc.code)
    assert codes[:2] == ["wrong_credentials", "wrong_credentials"] and "wait" in codes


@pytest.mark.parametrize("damage", ["key_file", "copy"])
def test_a_damaged_copy_says_so_in_its_own_sentence(tmp_path, damage):
    store = OfflineStore.create(URL, "sara", PASSWORD, tmp_path)
    store.apply(copy_of(1), actor=SARA)
    target = Path(f"{store.file}.keys") if damage == "key_file" else store.file
    data = bytearray(target.read_bytes())
    if damage == "key_file":
        data[:10] = b"garbage!!!"
    else:
        data[0:4096] = os.urandom(4096)
    target.write_bytes(bytes(data))
    with pytest.raises(OfflineCopyError) as damaged:
        OfflineStore.open(URL, "sara", PASSWORD, tmp_path)
    assert "damaged" in str(damaged.value)
    fresh = OfflineStore.open_or_create(URL, "sara", PASSWORD, tmp_path)  # an online sign-in makes a new one
    assert fresh.case_ids() == []


def test_the_copy_follows_the_server_and_drops_what_the_person_lost(tmp_path):
    store = OfflineStore.create(URL, "sara", PASSWORD, tmp_path)
    store.apply(copy_of(1, 2, 3))
    store.record_view(2, dt.datetime(2031, 5, 17, 12, 40, tzinfo=dt.UTC))
    store.save_doc_state(2, Doc().get_update())
    store.apply(OfflineCopy(files=copy_of(1, revision=2).files, drop=(2,), rows=copy_of(1, 3).rows))
    assert store.known() == {1: 2, 3: 1}
    assert [r.case_id for r in store.rows()] == [1, 3]
    assert store.doc_state(2) is None and store.pending_views() == []


def test_the_document_states_of_both_sides_merge(tmp_path):
    base = Doc()
    base["plan"] = Text("Målet är närvaro.")
    start = base.get_update()
    laptop, server = Doc(), Doc()
    laptop.apply_update(start)
    server.apply_update(start)
    plan = laptop.get("plan", type=Text)
    plan.insert(len(plan), " Offline tillagt.")
    server.get("plan", type=Text).insert(0, "Kollega: ")
    store = OfflineStore.create(URL, "sara", PASSWORD, tmp_path)
    store.save_doc_state(7, laptop.get_update())
    merged = Doc()
    merged.apply_update(store.merge_doc_state(7, server.get_update()))
    text = str(merged.get("plan", type=Text))
    assert "Kollega: " in text and "Offline tillagt." in text and "närvaro" in text
    other_order = Doc()
    other_order.apply_update(merge_states(server.get_update(), laptop.get_update()))
    assert str(other_order.get("plan", type=Text)) == text


def test_the_wipe_overwrites_and_removes_every_file(tmp_path):
    store = OfflineStore.create(URL, "sara", PASSWORD, tmp_path)
    store.apply(copy_of(1))
    try:
        OfflineStore.open(URL, "sara", "Fel-lösenord-1", tmp_path)
    except SignInError:
        pass
    beside = [store.file, Path(f"{store.file}.keys"), Path(f"{store.file}.attempts")]
    assert all(p.exists() for p in beside)
    assert offline_store.wipe(URL, "sara", tmp_path)
    assert not any(p.exists() for p in beside) and not offline_store.exists(URL, "sara", tmp_path)
    assert not offline_store.wipe(URL, "sara", tmp_path)


def test_a_new_password_opens_the_copy_and_the_old_one_no_longer(tmp_path):
    store = OfflineStore.create(URL, "sara", PASSWORD, tmp_path)
    store.change_password("sara", PASSWORD, "Nytt-Lösenord-Sjöbris-8")
    assert OfflineStore.open(URL, "sara", "Nytt-Lösenord-Sjöbris-8", tmp_path)
    with pytest.raises(SignInError):
        OfflineStore.open(URL, "sara", PASSWORD, tmp_path)
