"""The demo's content, read from resources/demo/*.json (described in its README.md): post
topics, quiz questions, commemorative days, the organisation (units, team, peer accounts).

Every problem with a file (missing, not JSON, a field of the wrong shape) is a
`DemoDataError` naming the file and the place in it. The commemorative days
(`read_observances`) are also the seed list of the calendar's holiday layer.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import json
from dataclasses import dataclass
from pathlib import Path

from core import accounts, members, paths
from core.errors import LinimasaError, os_reason
from core.i18n import _


@dataclass(frozen=True)
class _Topic:
    title: str
    kind: str
    unit: str
    ig: str
    x: str
    fb: str
    tags: tuple[str, ...] = ()
    video: bool = False
    yt: str = ""
    notes: str = ""


AUDIENCE = "Sobat Mutu"  # the institution's name for its followers, in post texts
X_LIMIT = 280

# --- content catalogue: resources/demo/*.json, described in resources/demo/README.md ------

DATA_FILES = (
    "common.json",
    "topics.json",
    "products.json",
    "questions.json",
    "courses.json",
    "regional.json",
    "quiz.json",
    "observances.json",
    "organization.json",
)
UNIT_KEYS = ("humas", "pusdiklat", "bls")  # the units a topic's "unit" may name
# The members the demo gives accounts and posts to (organization.json's "members" keys).
MEMBER_KEYS = ("admin", "editor", "regional_editor", "expert")
FOUNDING_YEAR = 1997  # of the fictional agency, for its anniversary posts
# Fridays since the first quiz of the series, to number them.
_QUIZ_SERIES_START = dt.date(2019, 1, 4)
_CHOICE_LETTERS = "ABCDEF"


class DemoDataError(LinimasaError):
    """A file of resources/demo/ is missing, unreadable or not in the shape the demo reads."""

    def __init__(self, path: Path, message: str) -> None:
        self.path = path
        super().__init__(message)


def data_folder() -> Path:
    """The folder of the demo's content files (bundled with the program)."""
    return paths.resource_dir() / "demo"


@dataclass(frozen=True)
class ObservancePost:
    """The demo's greeting for a day; {year}, {ri} and {bmsn} in title, greeting and hashtag."""

    title: str
    greeting: str
    emoji: str
    message: str
    hashtag: str
    video: bool


@dataclass(frozen=True)
class Observance:
    """A commemorative day that recurs every year on the same month and day."""

    month: int
    day: int
    name: str
    post: ObservancePost | None
    #: In the list a new file starts with (the demo institution's own days are not).
    seed: bool = True


@dataclass(frozen=True)
class _Common:
    ig_cta: dict[str, str]
    fb_cta: dict[str, str]
    yt_footer: str
    notes: dict[str, str]


@dataclass(frozen=True)
class _Quiz:
    title: str
    ig: str
    x: str
    fb: str
    tags: tuple[str, ...]
    questions: tuple[str, ...]


@dataclass(frozen=True)
class DemoUnit:
    key: str
    name: str
    short_name: str
    parent: str | None  # the key of an earlier unit
    recovery_where: str  # where its accounts' recovery codes are kept


@dataclass(frozen=True)
class DemoMember:
    key: str
    name: str
    role: str
    unit: str  # a unit's key
    email: str
    phone: str


@dataclass(frozen=True)
class DemoPeer:
    """An account of another institution, followed for comparison."""

    platform: str
    handle: str
    display_name: str
    url: str
    start_date: str
    start_followers: int  # on 1 January 2019
    monthly_growth: dict[int, int]  # average monthly change per year; later years use the last


@dataclass(frozen=True)
class DemoOrganization:
    units: tuple[DemoUnit, ...]
    members: tuple[DemoMember, ...]
    peers: tuple[DemoPeer, ...]


@dataclass(frozen=True)
class DemoContent:
    """Everything the demo writes that is text, read from the data files."""

    common: _Common
    pool: tuple[_Topic, ...]  # topics placed at random in the calendar
    quiz: _Quiz
    observances: tuple[Observance, ...]
    organization: DemoOrganization


_MISSING = object()


class _DataFile:
    """One data file as it is read: every error names the file and the place in it."""

    def __init__(self, folder: Path, name: str) -> None:
        self.path = folder / name
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise DemoDataError(
                self.path, _("The demo data file {path} is missing.").format(path=self.path)
            ) from None
        except (OSError, UnicodeDecodeError) as error:
            detail = os_reason(error) if isinstance(error, OSError) else _("it is not UTF-8 text")
            raise DemoDataError(
                self.path,
                _("The demo data file {path} could not be read: {detail}").format(
                    path=self.path, detail=detail
                ),
            ) from None
        try:
            self.data = json.loads(text)
        except json.JSONDecodeError as error:
            raise DemoDataError(
                self.path,
                _(
                    "The demo data file {path} is not valid JSON (line {line}, column {column}): "
                    "{detail}"
                ).format(path=self.path, line=error.lineno, column=error.colno, detail=error.msg),
            ) from None

    def wrong(self, where: str, value: object) -> DemoDataError:
        shown = json.dumps(value, ensure_ascii=False)
        if len(shown) > 80:
            shown = shown[:77] + "..."
        return DemoDataError(
            self.path,
            _("The demo data file {path} has a wrong value at {where}: {value}").format(
                path=self.path, where=where or "/", value=shown
            ),
        )

    def lacks(self, where: str) -> DemoDataError:
        return DemoDataError(
            self.path,
            _("The demo data file {path} lacks {where}.").format(path=self.path, where=where),
        )

    def get(self, obj: object, key: str, kind: type, where: str = "", default=_MISSING):
        """obj[key], which must be of `kind`; `default` if given and the key is absent."""
        if not isinstance(obj, dict):
            raise self.wrong(where, obj)
        place = f"{where}.{key}" if where else key
        if key not in obj:
            if default is not _MISSING:
                return default
            raise self.lacks(place)
        value = obj[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.wrong(place, value)
        return value

    def rows(self, obj: object, key: str, where: str = "") -> list:
        """A list that must not be empty."""
        found = self.get(obj, key, list, where)
        if not found:
            raise self.wrong(f"{where}.{key}" if where else key, found)
        return found

    def texts(self, obj: object, key: str, where: str = "", default=_MISSING) -> tuple[str, ...]:
        """A list of texts."""
        found = self.get(obj, key, list, where, default)
        if found is default:
            return found
        place = f"{where}.{key}" if where else key
        for index, value in enumerate(found):
            if not isinstance(value, str):
                raise self.wrong(f"{place}[{index}]", value)
        return tuple(found)

    def text_map(self, obj: object, key: str) -> dict[str, str]:
        found = self.get(obj, key, dict)
        for name, value in found.items():
            if not isinstance(value, str):
                raise self.wrong(f"{key}.{name}", value)
        return dict(found)

    def fill(self, template: str, values: dict, where: str, item: str = "") -> str:
        """`template` (at `where`) with its {fields} taken from `values` (the `item`, if any).

        A field the item lacks is reported as missing from the item; without an item, as a
        wrong template.
        """
        try:
            return template.format(**values)
        except KeyError as error:
            if item:
                raise self.lacks(f"{item}.{error.args[0]}") from None
            raise self.wrong(where, template) from None
        except (IndexError, ValueError, AttributeError):
            raise self.wrong(where, template) from None


def _hashtags(tags: tuple[str, ...]) -> str:
    return " ".join(f"#{t}" for t in ("SobatMutu", "TandaMutuNasional", *tags, "BMSN"))


def _x_text(body: str, tags: tuple[str, ...]) -> str:
    text = body
    for tag in tags[:2]:
        if len(text) + len(tag) + 2 <= X_LIMIT:
            text += f" #{tag}"
    return text


def _topic(
    common: _Common,
    title: str,
    kind: str,
    unit: str,
    ig: str,
    x: str,
    fb: str,
    tags: tuple[str, ...] = (),
    notes: str | None = None,
) -> _Topic:
    """A topic's text for each platform: the body framed by the platform's greeting and CTA."""
    video = kind == "video"
    return _Topic(
        title=title,
        kind=kind,
        unit=unit,
        ig=f"Halo {AUDIENCE}! 👋\n\n{ig}\n\n{common.ig_cta[kind]}\n– Mimin\n\n{_hashtags(tags)}",
        x=_x_text(x, tags),
        fb=f"{fb}\n\n{common.fb_cta[kind]}\n\n#SobatMutu #BMSN",
        tags=tags,
        video=video,
        yt=f"{title}\n\n{fb}\n\n{common.yt_footer}" if video else "",
        notes=common.notes.get(kind, "") if notes is None else notes,
    )


def _read_common(folder: Path) -> _Common:
    file = _DataFile(folder, "common.json")
    common = _Common(
        ig_cta=file.text_map(file.data, "instagram_cta"),
        fb_cta=file.text_map(file.data, "facebook_cta"),
        yt_footer=file.get(file.data, "youtube_footer", str),
        notes=file.text_map(file.data, "notes"),
    )
    for kind in common.ig_cta.keys() ^ common.fb_cta.keys():
        raise file.lacks(f"{'facebook_cta' if kind in common.ig_cta else 'instagram_cta'}.{kind}")
    return common


def _read_topic(
    file: _DataFile,
    common: _Common,
    row: object,
    where: str,
    values: dict | None = None,
    item: str = "",
) -> _Topic:
    """A topic object; with `values` (of `item`), its texts are templates filled in from them."""

    def text(key: str) -> str:
        value = file.get(row, key, str, where)
        return value if values is None else file.fill(value, values, f"{where}.{key}", item)

    kind = file.get(row, "kind", str, where)
    if kind not in common.ig_cta:
        raise file.wrong(f"{where}.kind", kind)
    unit = file.get(row, "unit", str, where)
    if unit not in UNIT_KEYS:
        raise file.wrong(f"{where}.unit", unit)
    notes = text("notes") if isinstance(row, dict) and "notes" in row else None
    return _topic(
        common,
        text("title"),
        kind,
        unit,
        text("instagram"),
        text("x"),
        text("facebook"),
        file.texts(row, "tags", where, ()),
        notes,
    )


def _read_items(file: _DataFile) -> list[tuple[str, dict]]:
    """The "items" of a template file: (place in the file, {field: text})."""
    result = []
    for index, item in enumerate(file.rows(file.data, "items")):
        where = f"items[{index}]"
        if not isinstance(item, dict):
            raise file.wrong(where, item)
        for key, value in item.items():
            if not isinstance(value, str):
                raise file.wrong(f"{where}.{key}", value)
        result.append((where, item))
    return result


def _read_templated(folder: Path, name: str, common: _Common) -> list[_Topic]:
    """A file of one "template" topic and the "items" that fill in its {fields}."""
    file = _DataFile(folder, name)
    template = file.get(file.data, "template", dict)
    return [
        _read_topic(file, common, template, "template", item, where)
        for where, item in _read_items(file)
    ]


def _read_topics(folder: Path, common: _Common) -> list[_Topic]:
    file = _DataFile(folder, "topics.json")
    if not isinstance(file.data, list) or not file.data:
        raise file.wrong("", file.data)
    return [_read_topic(file, common, row, f"[{index}]") for index, row in enumerate(file.data)]


def _read_quiz(folder: Path) -> _Quiz:
    file = _DataFile(folder, "quiz.json")
    template = file.get(file.data, "template", dict)
    questions = []
    for index, item in enumerate(file.rows(file.data, "items")):
        where = f"items[{index}]"
        question = file.get(item, "question", str, where)
        choices = file.texts(item, "choices", where)
        if not 2 <= len(choices) <= len(_CHOICE_LETTERS):
            raise file.wrong(f"{where}.choices", list(choices))
        lines = [question, *map("{}. {}".format, _CHOICE_LETTERS, choices)]
        questions.append("\n".join(lines))
    quiz = _Quiz(
        title=file.get(template, "title", str, "template"),
        ig=file.get(template, "instagram", str, "template"),
        x=file.get(template, "x", str, "template"),
        fb=file.get(template, "facebook", str, "template"),
        tags=file.texts(template, "tags", "template", ()),
        questions=tuple(questions),
    )
    keys = ("title", "instagram", "x", "facebook")
    for key, value in zip(keys, (quiz.title, quiz.ig, quiz.x, quiz.fb), strict=True):
        file.fill(value, {"number": 1, "quiz": ""}, f"template.{key}")
    return quiz


def _observance_values(year: int) -> dict[str, int]:
    return {"year": year, "ri": year - 1945, "bmsn": year - FOUNDING_YEAR}


def read_observances(folder: Path | None = None) -> list[Observance]:
    """The commemorative days of observances.json, in file order."""
    file = _DataFile(folder or data_folder(), "observances.json")
    if not isinstance(file.data, list) or not file.data:
        raise file.wrong("", file.data)
    result = []
    for index, row in enumerate(file.data):
        where = f"[{index}]"
        month = file.get(row, "month", int, where)
        if not 1 <= month <= 12:
            raise file.wrong(f"{where}.month", month)
        day = file.get(row, "day", int, where)
        if not 1 <= day <= calendar.monthrange(2024, month)[1]:  # 2024: 29 February is a day
            raise file.wrong(f"{where}.day", day)
        name = file.get(row, "name", str, where)
        post = None
        found = file.get(row, "post", dict, where, None)
        if found is not None:
            place = f"{where}.post"
            post = ObservancePost(
                *(file.get(found, key, str, place) for key in ("title", "greeting", "emoji")),
                *(file.get(found, key, str, place) for key in ("message", "hashtag")),
                video=file.get(found, "video", bool, place, False),
            )
            for key in ("title", "greeting", "hashtag"):
                file.fill(getattr(post, key), _observance_values(2024), f"{place}.{key}")
        seed = file.get(row, "seed", bool, where, True)
        result.append(Observance(month, day, name, post, seed))
    return result


def _read_units(file: _DataFile) -> list[DemoUnit]:
    found: list[DemoUnit] = []
    for index, row in enumerate(file.rows(file.data, "units")):
        where = f"units[{index}]"
        key = file.get(row, "key", str, where)
        if not key or key in {u.key for u in found}:
            raise file.wrong(f"{where}.key", key)
        parent = file.get(row, "parent", str, where, None)
        if parent is not None and parent not in {u.key for u in found}:
            raise file.wrong(f"{where}.parent", parent)  # a unit named before this one
        found.append(
            DemoUnit(
                key,
                file.get(row, "name", str, where),
                file.get(row, "short_name", str, where, ""),
                parent,
                file.get(row, "recovery_where", str, where, ""),
            )
        )
    for key in UNIT_KEYS:
        if key not in {u.key for u in found}:
            raise file.lacks(f'units[…].key "{key}"')
    return found


def _read_members(file: _DataFile, unit_keys: set[str]) -> list[DemoMember]:
    found: list[DemoMember] = []
    for index, row in enumerate(file.rows(file.data, "members")):
        where = f"members[{index}]"
        key = file.get(row, "key", str, where)
        if not key or key in {m.key for m in found}:
            raise file.wrong(f"{where}.key", key)
        role = file.get(row, "role", str, where)
        if role not in members.ROLES:
            raise file.wrong(f"{where}.role", role)
        unit = file.get(row, "unit", str, where)
        if unit not in unit_keys:
            raise file.wrong(f"{where}.unit", unit)
        texts = [file.get(row, name, str, where, "") for name in ("email", "phone")]
        found.append(DemoMember(key, file.get(row, "name", str, where), role, unit, *texts))
    for key in MEMBER_KEYS:
        if key not in {m.key for m in found}:
            raise file.lacks(f'members[…].key "{key}"')
    return found


def _read_peers(file: _DataFile) -> list[DemoPeer]:
    found: list[DemoPeer] = []
    for index, row in enumerate(file.get(file.data, "peers", list, "", [])):
        where = f"peers[{index}]"
        platform = file.get(row, "platform", str, where)
        if platform not in accounts.PLATFORMS or platform in {p.platform for p in found}:
            raise file.wrong(f"{where}.platform", platform)  # one peer account per platform
        start = file.get(row, "start_date", str, where)
        try:
            dt.date.fromisoformat(start)
        except ValueError:
            raise file.wrong(f"{where}.start_date", start) from None
        followers = file.get(row, "start_followers", int, where)
        if followers < 0:
            raise file.wrong(f"{where}.start_followers", followers)
        growth = file.get(row, "monthly_growth", dict, where)
        if not growth:
            raise file.wrong(f"{where}.monthly_growth", growth)
        rates = {}
        for year in growth:
            if not (year.isdigit() and len(year) == 4):
                raise file.wrong(f"{where}.monthly_growth.{year}", year)
            rates[int(year)] = file.get(growth, year, int, f"{where}.monthly_growth")
        found.append(
            DemoPeer(
                platform,
                file.get(row, "handle", str, where),
                file.get(row, "display_name", str, where),
                file.get(row, "url", str, where, ""),
                start,
                followers,
                rates,
            )
        )
    return found


def _read_organization(folder: Path) -> DemoOrganization:
    """organization.json: the units (in a hierarchy), the team, and the peer accounts."""
    file = _DataFile(folder, "organization.json")
    found_units = _read_units(file)
    return DemoOrganization(
        tuple(found_units),
        tuple(_read_members(file, {u.key for u in found_units})),
        tuple(_read_peers(file)),
    )


@functools.lru_cache(maxsize=4)
def _load(folder: Path) -> DemoContent:
    common = _read_common(folder)
    pool = [
        *_read_templated(folder, "products.json", common),
        *_read_topics(folder, common),
        *_read_templated(folder, "questions.json", common),
        *_read_templated(folder, "courses.json", common),
        *_read_templated(folder, "regional.json", common),
    ]
    return DemoContent(
        common,
        tuple(pool),
        _read_quiz(folder),
        tuple(read_observances(folder)),
        _read_organization(folder),
    )


def load_content(folder: Path | None = None) -> DemoContent:
    """Read (once) the demo's content files; a missing or malformed one is a DemoDataError."""
    return _load(Path(folder) if folder else data_folder())
