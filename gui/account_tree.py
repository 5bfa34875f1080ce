"""The Akun tab's accounts: a tree of work units (following their hierarchy) with each
unit's accounts, peer accounts in a group of their own, and the proxy that searches,
filters and sorts it within groups."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont, QPalette

from core import accounts, fmt, security, units
from core.i18n import _
from gui.models import ANY_INDEX, DISPLAY_ROLE, SORT_ROLE
from gui.widgets import dot_icon

ACCOUNT_ID_ROLE = SORT_ROLE + 1
UNIT_ID_ROLE = SORT_ROLE + 2
#: A group row's place in the unit tree (None on an account's row).
GROUP_ROLE = SORT_ROLE + 3
#: What a row is, across refreshes: "account:7", "unit:3", "none", "peers".
KEY_ROLE = SORT_ROLE + 4
#: An account's words the search box looks in (lower case).
SEARCH_ROLE = SORT_ROLE + 5
PLATFORM_ROLE = SORT_ROLE + 6


@dataclass(eq=False)
class _Node:
    key: str
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)
    #: The account (None for a group).
    row: accounts.AccountRow | None = None
    title: str = ""
    order: int = 0
    unit_id: int | None = None
    badge: str = ""
    position: int = 0
    node_id: int = 0


class AccountsTreeModel(QAbstractItemModel):
    """Accounts under their work units, the units nested as `core.units.tree` orders them,
    accounts without a unit next and other institutions' (peer) accounts last. When no
    account has a unit and none is a peer, the accounts stand alone without groups.

    Rows keep their place in the views across `set_content` (selection, expanded groups,
    scroll) by their key."""

    COLUMNS = (
        "handle",
        "platform",
        "responsible",
        "followers",
        "followers_date",
        "security",
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self.root = _Node("")
        self._ids: dict[str, int] = {}
        self._nodes: dict[int, _Node] = {}
        self.account_count = 0

    # -- content ------------------------------------------------------------------------

    def set_content(
        self,
        unit_tree: list[tuple[units.Unit, int]],
        rows: list[accounts.AccountRow],
        badges: dict[int, str],
    ) -> None:
        root = self._build(unit_tree, rows, badges)
        if not self.root.children or not root.children:
            self.beginResetModel()
            self._install(root)
            self.endResetModel()
            return
        self.layoutAboutToBeChanged.emit()
        held = self.persistentIndexList()
        keys = [
            (self._node(index).key if index.isValid() else None, index.column()) for index in held
        ]
        old_root = self.root  # alive until the held indexes have moved
        self._install(root)
        by_key = {node.key: node for node in self._walk(root)}
        moved = []
        for key, column in keys:
            node = by_key.get(key) if key is not None else None
            moved.append(self._index_of(node, column) if node is not None else QModelIndex())
        self.changePersistentIndexList(held, moved)
        self.layoutChanged.emit()
        del old_root

    def clear(self) -> None:
        self.beginResetModel()
        self._install(_Node(""))
        self.endResetModel()

    def _build(self, unit_tree, rows, badges) -> _Node:
        root = _Node("")
        grouped = any(r.account.unit_id is not None or r.account.peer for r in rows)
        accounts_of: dict[str, list[_Node]] = {}

        def account_node(row: accounts.AccountRow) -> _Node:
            account = row.account
            if account.peer:
                badge = "peer"
            elif account.archived:
                badge = "archived"
            else:
                badge = badges.get(account.id, "unchecked")
            return _Node(f"account:{account.id}", row=row, badge=badge)

        if not grouped:
            root.children = [account_node(row) for row in rows]
        else:
            groups: dict[str, _Node] = {}
            for order, (unit, _depth) in enumerate(unit_tree):
                parent = groups.get(f"unit:{unit.parent_id}", root)
                group = _Node(f"unit:{unit.id}", parent, title=unit.name, order=order)
                group.unit_id = unit.id
                groups[group.key] = group
                parent.children.append(group)
            last = len(unit_tree)
            extra = {
                "none": _Node("none", root, title=_("No work unit"), order=last),
                "peers": _Node("peers", root, title=_("Peer accounts"), order=last + 1),
            }
            for row in rows:
                account = row.account
                if account.peer:
                    key = "peers"
                elif f"unit:{account.unit_id}" in groups:
                    key = f"unit:{account.unit_id}"
                else:
                    key = "none"
                accounts_of.setdefault(key, []).append(account_node(row))
            root.children.extend(node for key, node in extra.items() if key in accounts_of)
            groups.update(extra)
            for key, group in groups.items():
                # An account's own unit first, its sub-units after.
                group.children = accounts_of.get(key, []) + group.children

            def prune(node: _Node) -> bool:
                node.children = [c for c in node.children if c.row is not None or prune(c)]
                return bool(node.children)

            prune(root)
        for node in self._walk(root):
            for position, child in enumerate(node.children):
                child.parent, child.position = node, position
        return root

    def _install(self, root: _Node) -> None:
        self.root = root
        self._nodes = {}
        self.account_count = 0
        for node in self._walk(root):
            if node is root:
                continue
            node_id = self._ids.setdefault(node.key, len(self._ids) + 1)
            self._nodes[node_id] = node
            node.node_id = node_id
            self.account_count += node.row is not None

    def _walk(self, node: _Node) -> Iterator[_Node]:
        yield node
        for child in node.children:
            yield from self._walk(child)

    def _node(self, index: ANY_INDEX) -> _Node:
        if not index.isValid():
            return self.root
        return self._nodes.get(index.internalId(), self.root)

    def _index_of(self, node: _Node, column: int = 0) -> QModelIndex:
        if node is self.root:
            return QModelIndex()
        return self.createIndex(node.position, column, node.node_id)

    def node_of_key(self, key: str) -> QModelIndex:
        for node in self._walk(self.root):
            if node.key == key and node is not self.root:
                return self._index_of(node)
        return QModelIndex()

    def account_row(self, account_id: int) -> accounts.AccountRow | None:
        index = self.node_of_key(f"account:{account_id}")
        return self._node(index).row if index.isValid() else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)

    # -- Qt's model interface -------------------------------------------------------------

    def index(self, row: int, column: int, parent: ANY_INDEX = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._node(parent)
        if not (0 <= row < len(node.children) and 0 <= column < len(self.COLUMNS)):
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        return self.createIndex(row, column, node.children[row].node_id)

    def parent(self, index: ANY_INDEX = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self._node(index)
        if node.parent is None or node.parent is self.root:
            return QModelIndex()
        return self._index_of(node.parent)

    def rowCount(self, parent: ANY_INDEX = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: ANY_INDEX = QModelIndex()) -> int:  # noqa: B008, N802
        return len(self.COLUMNS)

    def headerData(self, section, orientation, role=DISPLAY_ROLE):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and self.COLUMNS[section] == "followers":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != DISPLAY_ROLE:
            return None
        return {
            "handle": _("Username"),
            "platform": _("Platform"),
            "responsible": _("Responsible"),
            "followers": _("Followers"),
            "followers_date": _("As of"),
            "security": _("Security"),
        }[self.COLUMNS[section]]

    def data(self, index: ANY_INDEX, role: int = DISPLAY_ROLE):
        if not index.isValid():
            return None
        node = self._node(index)
        column = self.COLUMNS[index.column()]
        if role == KEY_ROLE:
            return node.key
        if node.row is None:
            return self._group_data(node, column, role)
        return self._account_data(node, column, role)

    def _group_data(self, node: _Node, column: str, role: int):
        if role == GROUP_ROLE:
            return node.order
        if role == UNIT_ID_ROLE:
            return node.unit_id
        if column != "handle":
            return None
        if role == DISPLAY_ROLE:
            return node.title
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _account_data(self, node: _Node, column: str, role: int):
        row = node.row
        account = row.account
        if role == DISPLAY_ROLE:
            return self._display(node, column)
        if role == SORT_ROLE:
            return self._sort_key(node, column)
        if role == ACCOUNT_ID_ROLE:
            return account.id
        if role == UNIT_ID_ROLE:
            return account.unit_id
        if role == PLATFORM_ROLE:
            return account.platform
        if role == SEARCH_ROLE:
            words = (
                accounts.handle_text(account),
                account.display_name,
                accounts.platform_title(account.platform),
                row.unit_name,
                row.responsible_name,
            )
            return " ".join(words).lower()
        if role == Qt.ItemDataRole.DecorationRole and column == "security":
            return dot_icon(node.badge) if node.badge != "archived" else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "followers":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "handle" and account.url:
                return account.url
            if column == "followers" and account.platform == "youtube":
                return _("subscribers")
        if role == Qt.ItemDataRole.ForegroundRole and account.archived:
            return QPalette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def _display(self, node: _Node, column: str) -> str:
        row = node.row
        account = row.account
        if column == "handle":
            return accounts.handle_text(account)
        if column == "platform":
            return accounts.platform_title(account.platform)
        if column == "responsible":
            if account.peer:
                return ""
            return row.responsible_name or _("(nobody yet)")
        if column == "followers":
            return fmt.number(row.followers)
        if column == "followers_date":
            return fmt.date_short(row.followers_date) if row.followers_date else "–"
        if node.badge == "peer":
            return _("Peer")
        if node.badge == "archived":
            return _("Archived")
        return security.status_title(node.badge)

    def _sort_key(self, node: _Node, column: str):
        row = node.row
        if column == "handle":  # @ or not, by the name itself
            return row.account.handle.lower()
        if column == "platform":
            return accounts.PLATFORMS.index(row.account.platform)
        if column == "followers":
            return row.followers if row.followers is not None else -1
        if column == "followers_date":
            return row.followers_date or ""
        if column == "security":
            order = (*security.STATUSES, "peer", "archived")
            return order.index(node.badge)
        return self._display(node, column).lower()


class AccountsFilter(QSortFilterProxyModel):
    """The search text, a platform and a work unit (with its sub-units) choose accounts; a
    group shows while any account below it does. Sorting orders accounts within their
    group; the groups keep the unit tree's order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.text = ""
        self.platform: str | None = None
        self.unit_ids: frozenset[int] | None = None
        self.setSortRole(SORT_ROLE)
        self.setRecursiveFilteringEnabled(True)
        self.setDynamicSortFilter(True)

    def set_filters(self, text: str, platform: str | None, unit_ids: frozenset[int] | None) -> None:
        if (text.strip().lower(), platform, unit_ids) == (self.text, self.platform, self.unit_ids):
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
        self.text, self.platform, self.unit_ids = text.strip().lower(), platform, unit_ids
        if hasattr(self, "endFilterChange"):
            self.endFilterChange()
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: ANY_INDEX) -> bool:  # noqa: N802
        index = self.sourceModel().index(source_row, 0, source_parent)
        if index.data(GROUP_ROLE) is not None:
            return False  # shown for the accounts it holds (recursive filtering)
        if self.platform is not None and index.data(PLATFORM_ROLE) != self.platform:
            return False
        if self.unit_ids is not None and index.data(UNIT_ID_ROLE) not in self.unit_ids:
            return False
        return all(word in index.data(SEARCH_ROLE) for word in self.text.split())

    def lessThan(self, left: ANY_INDEX, right: ANY_INDEX) -> bool:  # noqa: N802
        left_group, right_group = left.data(GROUP_ROLE), right.data(GROUP_ROLE)
        if left_group is not None or right_group is not None:
            # Accounts before sub-units, units in tree order, whichever way the column sorts
            # (a descending sort asks with the two sides swapped).
            a = (0, 0) if left_group is None else (1, left_group)
            b = (0, 0) if right_group is None else (1, right_group)
            descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
            return a > b if descending else a < b
        model = self.sourceModel()
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a == b:  # ties in handle order
            a = model.index(left.row(), 0, left.parent()).data(SORT_ROLE)
            b = model.index(right.row(), 0, right.parent()).data(SORT_ROLE)
        return a < b
