"""The paper of the layout editor, drawn at its true proportion in millimetres (one scene unit is
one millimetre from the paper's top-left corner, as in the layout), with each visible field a
box the officer drags into place and resizes by its corner; a scanned blank may lie under them
(for placing only; it is never printed).

Positions snap to half a millimetre, the step of the form beside. Moves made by the mouse or the
arrow keys are announced by `geometry_edited`; those the editor makes itself (the form was typed
in) are not, so the two never chase each other.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QKeyEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from emulation_desktop.domain.certificate_layout import Align, CertificateLayout, FieldBox
from emulation_desktop.domain.certificates import FieldKey

from emulation_desktop.gui.certificates.printing import MM_PER_PT

STEP_MM = 0.5
BIG_STEP_MM = 5.0
MIN_BOX_MM = 2.0
SERIF = "Liberation Serif"
SELECTED = QColor("#1565c0")
OUTLINE = QColor("#607d8b")
LABEL = QColor("#1565c0")
HANDLE_PX = 9

_ALIGN = {
    Align.LEFT: Qt.AlignmentFlag.AlignLeft,
    Align.CENTER: Qt.AlignmentFlag.AlignHCenter,
    Align.RIGHT: Qt.AlignmentFlag.AlignRight,
}


def snap(value: float) -> float:
    return round(value / STEP_MM) * STEP_MM


class _Handle(QGraphicsRectItem):
    """The corner a box is resized by: the same size on screen whatever the zoom."""

    def __init__(self, owner: FieldItem) -> None:
        half = HANDLE_PX / 2
        super().__init__(QRectF(-half, -half, HANDLE_PX, HANDLE_PX), owner)
        self.owner = owner
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setBrush(QBrush(SELECTED))
        self.setPen(QPen(Qt.GlobalColor.white))
        self.setCursor(Qt.CursorShape.SizeFDiagCursor)
        self.setToolTip("Kéo góc này để đổi kích thước khung")

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        corner = self.owner.mapFromScene(event.scenePos())
        self.owner.resize_by_user(corner.x(), corner.y())


class FieldItem(QGraphicsRectItem):
    """One field's box: its label in the corner and sample words as they would print."""

    def __init__(self, box: FieldBox, sample: str) -> None:
        super().__init__()
        self.key = box.key
        self.box = box
        self.sample = sample
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        self.setCursor(Qt.CursorShape.SizeAllCursor)
        self.setToolTip(f"{box.key.label}: kéo để dời, kéo góc dưới phải để đổi kích thước; "
                        "phím mũi tên dời 0,5 mm (giữ Shift: 5 mm)")  # fmt: skip
        self.handle = _Handle(self)
        self.handle.hide()
        self.quiet = False
        self.show_box(box)

    def show_box(self, box: FieldBox) -> None:
        """Take the geometry and look of `box` without announcing a user edit."""
        self.box = box
        self.quiet = True
        try:
            self.prepareGeometryChange()
            self.setRect(QRectF(0, 0, box.width_mm, box.height_mm))
            self.setPos(box.x_mm, box.y_mm)
        finally:
            self.quiet = False
        self.handle.setPos(box.width_mm, box.height_mm)
        self.setVisible(box.visible)
        self.update()

    def resize_by_user(self, width: float, height: float) -> None:
        width, height = max(MIN_BOX_MM, snap(width)), max(MIN_BOX_MM, snap(height))
        if (width, height) == (self.rect().width(), self.rect().height()):
            return
        self.prepareGeometryChange()
        self.setRect(QRectF(0, 0, width, height))
        self.handle.setPos(width, height)
        self._announce()

    def geometry(self) -> QRectF:
        return QRectF(self.pos(), self.rect().size())

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and isinstance(
            value, QPointF
        ):
            return QPointF(snap(value.x()), snap(value.y()))
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged and not self.quiet:
            self._announce()
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.handle.setVisible(bool(value))
        return super().itemChange(change, value)

    def _announce(self) -> None:
        scene = self.scene()
        if isinstance(scene, LayoutScene):
            scene.geometry_edited.emit(self.key, self.geometry())

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:  # fmt: skip
        rect = self.rect()
        selected = self.isSelected()
        painter.setBrush(QBrush(QColor(21, 101, 192, 40 if selected else 18)))
        pen = QPen(SELECTED if selected else OUTLINE, 2 if selected else 1)
        pen.setCosmetic(True)
        if not selected:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRect(rect)
        # Words are laid out in screen pixels (a QFont has no size in millimetres).
        k = painter.worldTransform().m11() or 1.0
        painter.save()
        painter.scale(1 / k, 1 / k)
        pixels = QRectF(rect.x() * k, rect.y() * k, rect.width() * k, rect.height() * k)
        # The name only where no words show: over a sample it hid the very words being lined
        # up with a scanned blank (the tooltip and the form's field list name every box).
        if not self._paint_sample(painter, pixels, k):
            self._paint_label(painter, pixels, selected)
        painter.restore()

    def _paint_label(self, painter: QPainter, pixels: QRectF, selected: bool) -> None:
        """The field's name, small, in the box's corner; the selected one stands out."""
        font = QFont()  # the interface font
        font.setPixelSize(10)
        font.setBold(selected)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        text = metrics.elidedText(self.key.label, Qt.TextElideMode.ElideRight,
                                  max(10, int(pixels.width()) - 4))  # fmt: skip
        tag = QRectF(pixels.left() + 1, pixels.top() + 1, metrics.horizontalAdvance(text) + 6,
                     metrics.height())  # fmt: skip
        if selected:
            painter.fillRect(tag, SELECTED)
            painter.setPen(Qt.GlobalColor.white)
        else:
            painter.setPen(QColor(21, 101, 192, 150))
        painter.drawText(tag, int(Qt.AlignmentFlag.AlignCenter), text)

    def _paint_sample(self, painter: QPainter, pixels: QRectF, k: float) -> bool:
        box = self.box
        text = box.text if box.key.fixed else self.sample
        if not text:
            return False
        font = QFont(SERIF)
        font.setBold(box.bold)
        font.setItalic(box.italic)
        font.setPixelSize(max(1, round(box.size * MM_PER_PT * k)))
        painter.setFont(font)
        painter.setPen(QColor(box.colour))
        flags = _ALIGN[box.align] | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(pixels, int(flags), text)
        if box.underline:
            width = min(painter.fontMetrics().horizontalAdvance(text), pixels.width())
            y = pixels.center().y() + painter.fontMetrics().height() / 2
            x = {Align.LEFT: pixels.left(), Align.RIGHT: pixels.right() - width}.get(
                box.align, pixels.center().x() - width / 2
            )
            painter.drawLine(QPointF(x, y), QPointF(x + width, y))
        return True


class LayoutScene(QGraphicsScene):
    """Signals:
    geometry_edited(FieldKey, QRectF): a box was moved or resized by the officer (mm).
    """

    geometry_edited = Signal(object, QRectF)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paper = QGraphicsRectItem()
        self.paper.setBrush(QBrush(Qt.GlobalColor.white))
        pen = QPen(QColor("#455a64"), 1)
        pen.setCosmetic(True)
        self.paper.setPen(pen)
        self.paper.setZValue(-10)
        self.addItem(self.paper)
        self.background = QGraphicsPixmapItem()
        self.background.setZValue(-5)
        self.background.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.addItem(self.background)
        self.items_by_key: dict[FieldKey, FieldItem] = {}

    def show_layout(self, layout: CertificateLayout, samples: dict[FieldKey, str]) -> None:
        selected = self.selected_key()
        for item in self.items_by_key.values():
            self.removeItem(item)
        self.items_by_key = {}
        paper = layout.paper
        self.paper.setRect(QRectF(0, 0, paper.width_mm, paper.height_mm))
        self.setSceneRect(QRectF(-10, -10, paper.width_mm + 20, paper.height_mm + 20))
        self._fit_background()
        for box in layout.fields:
            item = FieldItem(box, samples.get(box.key, ""))
            self.addItem(item)
            self.items_by_key[box.key] = item
        if selected is not None:
            self.select(selected)

    def show_box(self, box: FieldBox) -> None:
        self.items_by_key[box.key].show_box(box)

    def select(self, key: FieldKey | None) -> None:
        for k, item in self.items_by_key.items():
            item.setSelected(k is key and item.isVisible())

    def selected_key(self) -> FieldKey | None:
        for key, item in self.items_by_key.items():
            if item.isSelected():
                return key
        return None

    def set_background(self, image: QImage | None) -> None:
        """A scanned blank stretched over the paper (None: plain white)."""
        self.background.setPixmap(QPixmap() if image is None else QPixmap.fromImage(image))
        self._fit_background()

    def has_background(self) -> bool:
        return not self.background.pixmap().isNull()

    def _fit_background(self) -> None:
        pixmap = self.background.pixmap()
        if pixmap.isNull():
            return
        paper = self.paper.rect()
        self.background.resetTransform()
        self.background.setTransform(
            self.background.transform().scale(paper.width() / pixmap.width(),
                                              paper.height() / pixmap.height())
        )  # fmt: skip

    def nudge(self, dx: float, dy: float) -> bool:
        key = self.selected_key()
        if key is None:
            return False
        item = self.items_by_key[key]
        item.setPos(item.pos() + QPointF(dx, dy))
        return True


class LayoutView(QGraphicsView):
    """Shows the whole paper, as large as the room allows; arrows nudge the selected box."""

    def __init__(self, scene: LayoutScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("layout_view")
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)  # fmt: skip
        self.setBackgroundBrush(QBrush(QColor("#cfd8dc")))
        self.setMinimumSize(240, 170)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def layout_scene(self) -> LayoutScene:
        scene = self.scene()
        assert isinstance(scene, LayoutScene)
        return scene

    def fit_paper(self) -> None:
        rect = self.layout_scene().paper.rect().adjusted(-4, -4, 4, 4)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self.fit_paper()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = BIG_STEP_MM if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else STEP_MM
        moves = {
            Qt.Key.Key_Left: (-step, 0.0),
            Qt.Key.Key_Right: (step, 0.0),
            Qt.Key.Key_Up: (0.0, -step),
            Qt.Key.Key_Down: (0.0, step),
        }
        move = moves.get(Qt.Key(event.key()))
        if move is not None and self.layout_scene().nudge(*move):
            event.accept()
            return
        super().keyPressEvent(event)
