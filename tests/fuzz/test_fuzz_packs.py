"""Fuzzing the guideline pack loader (core.packs.read_pack / import_pack) with the exported
default pack changed at random: values replaced by any JSON, keys dropped or added, and the
file's bytes damaged (truncated, flipped, re-encoded, NULs, deep nesting, huge numbers).
Each file either imports (and importing it again changes nothing) or is refused with a
PackError (or another LinimasaError), never another exception, and a refusal leaves the
database exactly as it was.

CI runs a bounded, derandomised number of examples; for many more (random):

    LINIMASA_FUZZ=long QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q \
        -p no:cacheprovider tests/fuzz
"""

from __future__ import annotations

import json

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from core import guidelines, packs
from core.errors import LinimasaError
from tests.fuzz.strategies import ENCODINGS, FORMULAS, ODD_CELLS, mutated

DEFAULT = json.loads(packs.default_pack_path("id").read_text(encoding="utf-8"))

json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**70), 2**70),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=20),
        st.sampled_from(ODD_CELLS + FORMULAS),
        st.sampled_from(["all", "instagram", "x", "persona", "content", "length", "1"]),
    ),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=8,
)


def fill(db):
    guidelines.set_persona(db, admin_nickname="Mimin", audience_nickname="Sobat")


@pytest.fixture(scope="module")
def scratch(scratch_db):
    return scratch_db(fill)


def _paths(data: object, prefix: tuple = ()) -> list[tuple]:
    """Every key or index path in a JSON document."""
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


@st.composite
def changed_pack(draw) -> object:
    """The default pack with a few of its values replaced, dropped or added."""
    pack = json.loads(json.dumps(DEFAULT))
    if draw(st.booleans()):  # fewer items: faster, and a pack may hold any subset
        pack["items"] = draw(st.lists(st.sampled_from(pack["items"]), max_size=6))
    for _ in range(draw(st.sampled_from([0, 0, 1, 1, 2, 3]))):
        path = draw(st.sampled_from(_paths(pack)))
        if not path:
            pack = draw(json_values)
            continue
        *parents, last = path
        holder = pack
        for step in parents:
            holder = holder[step]
        action = draw(st.sampled_from(["replace", "drop", "add"]))
        if action == "replace":
            holder[last] = draw(json_values)
        elif action == "drop":
            del holder[last]
        elif isinstance(holder, dict):
            holder[draw(st.text(max_size=8))] = draw(json_values)
        else:
            holder.insert(last, draw(json_values))
    return pack


@st.composite
def pack_file(draw) -> bytes:
    text = json.dumps(draw(changed_pack()), ensure_ascii=draw(st.booleans()), indent=2)
    if draw(st.integers(0, 9)) == 0:
        text = draw(
            st.sampled_from(["[" * 100_000, "1" * 5_000, '{"format": 1' + "0" * 5_000 + "}"])
        )
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", *ENCODINGS]))
    return draw(mutated(text.encode(encoding, errors="replace")))


@given(raw=pack_file())
def test_pack_files(scratch, tmp_path, raw):
    db = scratch.reset()
    path = tmp_path / "pack.json"
    path.write_bytes(raw)
    before = scratch.dump()
    try:
        pack = packs.read_pack(path)
        preview = packs.preview_import(db, pack)
        assert scratch.dump() == before, "the preview changed the file"
        result = packs.import_pack(db, pack)
    except LinimasaError as refusal:
        assert str(refusal).strip()
        assert scratch.dump() == before
        event("refused")
        return
    event("imported")
    assert result == preview
    assert not packs.import_pack(db, pack).changed, "importing the same pack twice changes more"


# --- what the fuzzing found -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["[" * 100_000, '{"format": 1' + "0" * 5000 + "}"], ids=["deep", "long-number"]
)
def test_json_python_cannot_read_is_a_pack_error(tmp_path, text):
    """Lists nested deeper than Python's recursion limit, or a number of more than 4300
    digits, raised RecursionError or ValueError instead of saying the file is no pack."""
    path = tmp_path / "pack.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(packs.PackError, match="pack.json"):
        packs.read_pack(path)
