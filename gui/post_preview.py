"""A plain preview of one variant as its platform would show it in the feed: the account's
name and handle, the text up to the fold ("… more"), and the first image cropped to the
platform's shape (YouTube: a 16:9 thumbnail above the title). Clean, not a copy of the
platforms' own look."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from core import accounts, limits
from core.accounts import Account
from core.i18n import _
from core.posts import Attachment

#: The preview's width in pixels; images are scaled to it.
WIDTH = 280


def center_crop(pixmap: QPixmap, ratio: tuple[int, int], width: int) -> QPixmap:
    """The middle of `pixmap` cut to `ratio` (width, height) and scaled to `width` pixels."""
    ratio_w, ratio_h = ratio
    source_w, source_h = pixmap.width(), pixmap.height()
    if source_w * ratio_h > source_h * ratio_w:  # too wide: cut the sides
        cut_w, cut_h = source_h * ratio_w // ratio_h, source_h
    else:  # too tall: cut top and bottom
        cut_w, cut_h = source_w, source_w * ratio_h // ratio_w
    area = QRect((source_w - cut_w) // 2, (source_h - cut_h) // 2, max(1, cut_w), max(1, cut_h))
    height = max(1, width * ratio_h // ratio_w)
    return pixmap.copy(area).scaled(
        QSize(width, height),
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def placeholder(ratio: tuple[int, int], width: int, text: str) -> QPixmap:
    """A grey box of the platform's shape, for a post without an image yet."""
    height = max(1, width * ratio[1] // ratio[0])
    pixmap = QPixmap(width, height)
    pixmap.fill(QColor("#e6e6e6"))
    painter = QPainter(pixmap)
    painter.setPen(QColor("#777777"))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
    painter.end()
    return pixmap


def first_image(attachments: list[Attachment]) -> str | None:
    """The path of the first image that is still there."""
    for attachment in attachments:
        if attachment.is_image and attachment.exists:
            return attachment.path
    return None


class PostPreview(QFrame):
    """How the variant of `account` would look; `show_post` redraws it."""

    def __init__(self, account: Account, parent: QWidget | None = None):
        super().__init__(parent)
        self.account = account
        self.setObjectName("postPreview")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(WIDTH + 24)
        self.caption = QLabel()
        self.caption.setObjectName("hint")
        self.name = QLabel()
        self.name.setObjectName("previewName")
        self.handle = QLabel()
        self.handle.setObjectName("hint")
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel()
        self.title.setObjectName("previewTitle")
        self.title.setWordWrap(True)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.more = QLabel()
        self.more.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.name)
        layout.addWidget(self.handle)
        layout.addSpacing(4)
        youtube = account.platform == "youtube"
        # YouTube shows the video first; the other platforms the text above the image.
        for widget in (
            (self.image, self.title, self.body, self.more)
            if youtube
            else (self.body, self.more, self.image)
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.title.setVisible(youtube)
        self._last: tuple[str, str, list[Attachment]] = ("", "", [])
        self._image_path: str | None = None
        self._image: QPixmap | None = None
        self.translate_ui()

    def translate_ui(self) -> None:
        self.caption.setText(_("Preview"))
        self.show_post(*self._last)

    def show_post(self, text: str, hashtags: str, attachments: list[Attachment]) -> None:
        self._last = (text, hashtags, list(attachments))
        account = self.account
        self.name.setText(account.display_name or accounts.handle_text(account))
        self.handle.setText(
            f"{accounts.platform_title(account.platform)} · {accounts.handle_text(account)}"
        )
        full = limits.compose(text, hashtags)
        rule = limits.limit(account.platform)
        if account.platform == "youtube":
            title, _newline, full = full.partition("\n")
            self.title.setText(title.strip() or _("(no title yet)"))
            full = full.strip()
        shown, cut = limits.folded(account.platform, full)
        self.body.setText(shown or _("(no text yet)"))
        self.body.setEnabled(bool(shown))
        self.more.setText(_("… more"))
        self.more.setVisible(cut)
        path = first_image(attachments)
        if path is not None and path != self._image_path:
            # Read and cut once, not on every key the user types.
            pixmap = QPixmap(path)
            self._image = None if pixmap.isNull() else center_crop(pixmap, rule.image_ratio, WIDTH)
        self._image_path = path
        image = self._image if path is not None else None
        if image is not None:
            self.image.setPixmap(image)
        elif account.platform == "youtube":
            self.image.setPixmap(placeholder(rule.image_ratio, WIDTH, _("Thumbnail (16:9)")))
        else:
            self.image.clear()
        self.image.setVisible(image is not None or account.platform == "youtube")
