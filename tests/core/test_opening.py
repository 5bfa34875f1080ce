"""Opening a file for writing: one path (check → lock → open → migrate) for the app and the CLI."""

from __future__ import annotations

import pytest

from core import accounts
from core.errors import DatabaseMissing, FolderMissing
from core.lock import DatabaseLock, LockHeld, read_lock
from core.opening import LockChoice, LockRefused, OpenPolicy, open_for_writing


class Answers(OpenPolicy):
    def __init__(self, create=False, choice=LockChoice.CANCEL, take_over=False):
        self.create = create
        self.choice = choice
        self.take_over = take_over
        self.asked: list[str] = []

    def confirm_create(self, path):
        self.asked.append("create")
        return self.create

    def lock_held(self, held):
        self.asked.append("lock")
        return self.choice

    def confirm_take_over(self, held):
        self.asked.append("take over")
        return self.take_over


def test_default_policy_refuses_a_missing_file_and_creates_nothing(tmp_path):
    path = tmp_path / "new.sqlite"
    with pytest.raises(DatabaseMissing):
        open_for_writing(path)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_named(tmp_path):
    with pytest.raises(FolderMissing) as info:
        open_for_writing(tmp_path / "nope" / "x.sqlite", Answers(create=True))
    assert "nope" in str(info.value)


def test_declining_to_create_returns_none_and_leaves_nothing(tmp_path):
    policy = Answers(create=False)
    assert open_for_writing(tmp_path / "new.sqlite", policy) is None
    assert policy.asked == ["create"]
    assert list(tmp_path.iterdir()) == []


def test_opened_file_holds_the_lock_until_closed(tmp_path):
    path = tmp_path / "a.sqlite"
    opened = open_for_writing(path, Answers(create=True))
    assert opened.created and not opened.read_only
    assert read_lock(path) is not None
    opened.close()
    assert read_lock(path) is None
    assert path.exists()


def test_a_held_lock_is_refused_by_default_with_the_apps_words(tmp_path):
    path = tmp_path / "a.sqlite"
    open_for_writing(path, Answers(create=True)).close()
    with DatabaseLock(path), pytest.raises(LockRefused) as info:
        open_for_writing(path)
    assert isinstance(info.value.held, LockHeld)
    assert str(tmp_path) in str(info.value)


def test_a_held_lock_can_be_opened_read_only_or_taken_over(tmp_path):
    path = tmp_path / "a.sqlite"
    open_for_writing(path, Answers(create=True)).close()
    with DatabaseLock(path) as theirs:
        opened = open_for_writing(path, Answers(choice=LockChoice.READ_ONLY))
        assert opened.read_only and opened.lock is None
        opened.close()
        # Take over asks for a confirmation; without it, nothing happens.
        refused = Answers(choice=LockChoice.TAKE_OVER, take_over=False)
        assert open_for_writing(path, refused) is None
        assert refused.asked == ["lock", "take over"]
        opened = open_for_writing(path, Answers(choice=LockChoice.TAKE_OVER, take_over=True))
        assert read_lock(path).token == opened.lock.info.token != theirs.info.token
        opened.close()


def test_a_failure_while_working_on_a_new_file_removes_it(tmp_path):
    path = tmp_path / "a.sqlite"
    with pytest.raises(RuntimeError), open_for_writing(path, Answers(create=True)) as opened:
        accounts.create(opened.db, platform="instagram", handle="x")
        raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []


def test_a_failure_while_working_on_an_existing_file_keeps_it(tmp_path):
    path = tmp_path / "a.sqlite"
    with open_for_writing(path, Answers(create=True)) as opened:
        accounts.create(opened.db, platform="instagram", handle="x")
    with pytest.raises(RuntimeError), open_for_writing(path) as opened:
        raise RuntimeError("boom")
    with open_for_writing(path) as opened:
        assert [a.handle for a in accounts.list_all(opened.db)] == ["x"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.sqlite"]
