"""Units in a hierarchy, members with contact, and handing accounts over on deactivation."""

from __future__ import annotations

import pytest

from core import accounts, members, units
from core.errors import ValidationError


def test_units_form_a_tree_in_display_order(db):
    bureau = units.create(db, "Biro Humas")
    media = units.create(db, "Subbagian Media", parent_id=bureau.id)
    units.create(db, "Subbagian Protokol", parent_id=bureau.id)
    units.create(db, "Tim Konten", parent_id=media.id)
    units.create(db, "Balai Wilayah Timur")
    assert [(u.name, depth) for u, depth in units.tree(db)] == [
        ("Balai Wilayah Timur", 0),
        ("Biro Humas", 0),
        ("Subbagian Media", 1),
        ("Tim Konten", 2),
        ("Subbagian Protokol", 1),
    ]
    assert (
        units.path_name(db, units.tree(db)[3][0].id) == "Biro Humas › Subbagian Media › Tim Konten"
    )
    assert len(units.descendants(db, bureau.id)) == 3


@pytest.mark.parametrize("target", ["self", "child", "grandchild"])
def test_a_unit_cannot_be_its_own_ancestor(db, target):
    bureau = units.create(db, "Biro Humas")
    media = units.create(db, "Subbagian Media", parent_id=bureau.id)
    team = units.create(db, "Tim Konten", parent_id=media.id)
    parent = {"self": bureau, "child": media, "grandchild": team}[target]
    with pytest.raises(ValidationError) as info:
        units.update(db, bureau.id, "Biro Humas", parent_id=parent.id)
    assert info.value.field == "parent_id"
    assert units.get(db, bureau.id).parent_id is None


def test_moving_a_unit_to_the_top_and_renaming_keeps_its_parent_unless_given(db):
    bureau = units.create(db, "Biro Humas")
    media = units.create(db, "Subbagian Media", parent_id=bureau.id)
    assert units.update(db, media.id, "Subbag Media").parent_id == bureau.id
    assert units.update(db, media.id, "Subbag Media", parent_id=None).parent_id is None


def test_member_contact_is_checked_and_kept(db):
    rina = members.create(db, "Rina", "admin", email="rina@bmsn.go.id", phone="+62 21 555-0101")
    assert members.create(db, "Kantor", "editor", phone="(021) 555-0120").phone == "(021) 555-0120"
    assert (rina.email, rina.phone) == ("rina@bmsn.go.id", "+62 21 555-0101")
    with pytest.raises(ValidationError) as info:
        members.create(db, "Dimas", "editor", email="dimas at kantor")
    assert info.value.field == "email"
    with pytest.raises(ValidationError) as info:
        members.update(db, rina.id, "Rina", "admin", None, True, phone="hubungi saya")
    assert info.value.field == "phone"
    # Contact not given: kept as it was.
    assert members.update(db, rina.id, "Rina W.", "admin", None, True).email == "rina@bmsn.go.id"


def test_deactivating_hands_the_accounts_to_a_successor_in_one_step(db):
    rina = members.create(db, "Rina", "admin")
    dimas = members.create(db, "Dimas", "editor")
    ig = accounts.create(db, "instagram", "bmsn_ri", responsible_id=rina.id)
    x = accounts.create(db, "x", "bmsn_ri", responsible_id=rina.id)
    assert members.accounts_held(db, rina.id) == [ig.id, x.id]
    assert members.deactivate(db, rina.id, dimas.id) == [ig.id, x.id]
    assert not members.get(db, rina.id).active
    assert {accounts.get(db, i).responsible_id for i in (ig.id, x.id)} == {dimas.id}


def test_deactivating_without_a_successor_leaves_the_accounts_unassigned(db):
    rina = members.create(db, "Rina", "admin")
    ig = accounts.create(db, "instagram", "bmsn_ri", responsible_id=rina.id)
    members.deactivate(db, rina.id, None)
    assert accounts.get(db, ig.id).responsible_id is None


@pytest.mark.parametrize("successor", ["self", "inactive"])
def test_the_successor_must_be_another_active_member(db, successor):
    rina = members.create(db, "Rina", "admin")
    old = members.create(db, "Lama", "editor", active=False)
    ig = accounts.create(db, "instagram", "bmsn_ri", responsible_id=rina.id)
    target = rina if successor == "self" else old
    with pytest.raises(ValidationError):
        members.deactivate(db, rina.id, target.id)
    assert members.get(db, rina.id).active
    assert accounts.get(db, ig.id).responsible_id == rina.id
