"""The print preview inside the app (QtPdf): look at the document, print it, or save it as PDF.

The PDF lives only in memory (a ``QBuffer``): nothing about the child is
written to disk unless the person chooses "Save as PDF…" and a place for it.
"Print…" opens the platform's print dialog and sends each page as an image at
the printer's resolution (QtPdf renders; the printer driver never sees the
PDF, so no temporary file is needed either).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from sst_desk.ui.common.errors import database_error_text


class PreviewWindow(QDialog):
    """A document shown before it leaves the app; ``choose_target`` asks where to save (tests replace it)."""

    def __init__(self, data: bytes, title: str, suggested_name: str,
                 choose_target: Callable[[QWidget, str], str | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.data = data
        self._suggested = suggested_name
        self._choose_target = choose_target
        self.saved_to: Path | None = None
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setAccessibleName(self.tr("Document"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages = QLabel(self.tr("%n page(s)", "", self.document.pageCount()), self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setAccessibleName(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        self.save_button.setAccessibleName(self.tr("Save as PDF…"))
        self.save_button.clicked.connect(self.save_as)
        close = QPushButton(self.tr("Close"), self)
        close.setAccessibleName(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pages)
        buttons.addStretch(1)
        for button in (self.print_button, self.save_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_document)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_as)
        self.print_button.setDefault(True)
        self.resize(820, 960)

    def save_as(self) -> Path | None:
        from sst_desk.reports import write_pdf_atomic

        from sst_desk.fileio import TargetRefused

        chosen = self._choose_target(self, self._suggested)
        if not chosen:
            return None
        target = chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf"
        try:  # the save dialog asked before replacing the name it gave back; not a name with .pdf added
            self.saved_to = write_pdf_atomic(self.data, Path(target), force=target == chosen)
        except (OSError, TargetRefused) as exc:
            QMessageBox.warning(self, self.tr("Could not save"), database_error_text(exc))
            return None
        return self.saved_to

    def print_document(self, printer: QPrinter | None = None) -> bool:
        """The platform print dialog, then every page at the printer's resolution; True when sent."""
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(self.windowTitle())
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        return render_to_printer(self.document, printer)


def render_to_printer(document: QPdfDocument, printer: QPrinter) -> bool:
    """Draw each page of ``document`` onto ``printer``, scaled to the printable area, centred."""
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            scale = min(area.width() / points.width(), area.height() / points.height())
            size = QSize(int(points.width() * scale), int(points.height() * scale))
            image = document.render(page, size)
            offset = QPointF((area.width() - size.width()) / 2, (area.height() - size.height()) / 2)
            painter.drawImage(QRectF(offset, size.toSizeF()), image)
    finally:
        painter.end()
    return True
