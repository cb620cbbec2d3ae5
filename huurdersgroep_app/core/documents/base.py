"""What every document shares: embedded DejaVu fonts, styles, the letterhead, 'page X of Y'.

Documents read through services and get a ``Letterhead`` built from the group's settings.
Two ways to lay out pages, both with the same header and footer:
- Platypus flowables via ``build_pdf`` (letters, minutes, reports);
- direct drawing on a ``DocumentCanvas`` for very long tables (see ``tables.py``), which stays
  near the speed floor for 10,000-row lists.
"""
from __future__ import annotations

import io
import sys
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from fnmatch import fnmatch
from pathlib import Path
from typing import Callable
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape as _landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase import ttfonts
from reportlab.pdfgen import canvas as _canvas

from huurdersgroep_app import paths
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services import addresses
from huurdersgroep_app.i18n import _, format_date, get_language

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
MARGIN = 18 * mm
HEADER_HEIGHT = 24 * mm
FOOTER_HEIGHT = 12 * mm
FOOTER_Y = MARGIN - 6 * mm  # the baseline of the footer line
ACCENT = colors.HexColor("#1f5f8b")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#c8d3dc")
WARNING = colors.HexColor("#b00020")

_fonts_registered = False


class _FontFace:
    """A TrueType face read from its file the first time more than its name is asked for.

    Registering a face with reportlab (``registerFont`` asks only for ``face.name``) then costs
    nothing; reading DejaVu's 700 kB takes ~30 ms a face, so a document pays only for the faces it
    draws with (most never use the oblique). Once read, the font holds the real face."""

    _face: ttfonts.TTFontFace | None = None

    def __init__(self, font: ttfonts.TTFont, name: str, file: Path):
        self._font, self.name, self._file = font, name.encode("ascii"), file  # reportlab's is bytes

    def __getattr__(self, attribute: str):
        # Read once: a caller may keep this object (reportlab's stringWidth asks it for several tables).
        if self._face is None:
            self._face = ttfonts.TTFontFace(str(self._file))
            self._font.face = self._face
        return getattr(self._face, attribute)


class _LazyTTFont(ttfonts.TTFont):
    """``TTFont`` whose face is a ``_FontFace``: what ``TTFont.__init__`` sets, without reading the file.
    The face's name is its PostScript name, the name we register it under (a test compares them)."""

    def __init__(self, name: str, file: Path):  # not the parent's: it would read the file
        self.fontName = name
        self.face = _FontFace(self, name, file)
        self.encoding = ttfonts.TTEncoding()
        self.state = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, glob) for glob in ttfonts.unShapedFontGlob)


def register_fonts() -> None:
    """Register the shipped DejaVu fonts and make them reportlab's defaults.

    Print shops flag a PDF that names a font it does not embed, even one that draws nothing: a
    canvas starts in ``rl_config.canvas_basefontname`` and a chart's labels in the graphics
    ``STATE_DEFAULTS`` (both Helvetica), so both are pointed at DejaVu before anything is drawn."""
    global _fonts_registered
    if not _fonts_registered:
        for name, file in ((FONT, "DejaVuSans.ttf"), (FONT_BOLD, "DejaVuSans-Bold.ttf"),
                           (FONT_ITALIC, "DejaVuSans-Oblique.ttf")):
            pdfmetrics.registerFont(_LazyTTFont(name, paths.FONTS_DIR / file))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD)
        rl_config.canvas_basefontname = FONT
        # Compressed streams as binary, not also ASCII85-encoded: a quarter smaller, and reportlab spends
        # no time encoding them (the funding dossier is bound in reportlab itself, see ``Binding``).
        rl_config.useA85 = 0
        ParagraphStyle.defaults["fontName"] = FONT
        ParagraphStyle.defaults["bulletFontName"] = FONT
        _fonts_registered = True
    # Defaults of modules a document imports only when it uses them (a table drawn on the canvas needs
    # neither Platypus, ~0.2 s to import, nor the graphics): a chart's labels, a Platypus table's
    # plain-text cells. Checked at every call, since such a module may come in after the first document.
    shapes = sys.modules.get("reportlab.graphics.shapes")
    if shapes is not None:
        shapes.STATE_DEFAULTS["fontName"] = FONT
    tables = sys.modules.get("reportlab.platypus.tables")
    if tables is not None:
        tables.CellStyle.fontname = FONT


def pdf_language(lang: str | None = None) -> str:
    """The document's language for the PDF catalog (/Lang, BCP 47): 'nl_BE' → 'nl-BE'."""
    return (lang or get_language() or "en").replace("_", "-")


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=13.5, bulletFontName=FONT)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=11),
        "muted": ParagraphStyle("muted", parent=body, fontSize=8.5, leading=11, textColor=MUTED),
        "title": ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=16, leading=20,
                                spaceAfter=6, textColor=ACCENT),
        "h2": ParagraphStyle("h2", parent=body, fontName=FONT_BOLD, fontSize=12, leading=15, spaceBefore=8,
                             spaceAfter=4),
        "h3": ParagraphStyle("h3", parent=body, fontName=FONT_BOLD, fontSize=10.5, leading=13, spaceBefore=6,
                             spaceAfter=2),
        "cell": ParagraphStyle("cell", parent=body, fontSize=9, leading=11),
        "cell_bold": ParagraphStyle("cell_bold", parent=body, fontName=FONT_BOLD, fontSize=9, leading=11),
        "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
    }


@dataclass(frozen=True)
class Letterhead:
    name: str
    address_lines: tuple[str, ...] = ()
    contact_line: str = ""
    registration: str = ""
    iban: str = ""
    logo: bytes | None = None
    country: str = addresses.BELGIUM  # the group's: what a bare postcode or number belongs to

    @classmethod
    def from_organisation(cls, org) -> "Letterhead":
        country = addresses.region_country(org.region)
        street = addresses.street_line(org.street, org.house_number, org.box, postcode=org.postcode,
                                       default_country=country)
        lines = tuple(x for x in (street, f"{org.postcode} {org.city}".strip()) if x)
        contact = "  ·  ".join(x for x in (org.email, org.phone) if x)
        return cls(org.name, lines, contact, org.registration_number, org.iban, org.logo, country)

    @property
    def registration_text(self) -> str:
        """'Ondernemingsnummer 0751.950.136' / 'KvK-nummer 12345678': the register's own label."""
        return addresses.registration_label(self.registration, default_country=self.country)


@dataclass(frozen=True)
class DocumentInfo:
    letterhead: Letterhead
    title: str
    subtitle: str = ""
    created: date | None = None
    # Printed on every page, in red, above the footer: a report of a closed year whose books no longer
    # match their seal says so wherever a page of it ends up.
    warning: str = ""
    # A letter that is not final yet ('ONTWERP', 'DRAFT'): the word stands across every page, so no page
    # of it can be taken for the letter that was sent.
    draft: str = ""
    # 'Page 1 of 1' on a one-page sheet hung in the hallway (the poster) says nothing; a sheet that runs
    # onto a second page is numbered all the same. Letters keep it: each of a batch says it is whole.
    number_single_page: bool = True


def draw_draft_word(c: _canvas.Canvas, word: str) -> None:
    """The draft word, large, light and diagonal across the page; ``c`` at the page's origin."""
    width, height = c._pagesize
    c.saveState()
    c.setFillColor(colors.Color(0.85, 0.2, 0.2, alpha=0.18))
    c.setFont(FONT_BOLD, 96)
    c.translate(width / 2, height / 2)
    c.rotate(40)
    c.drawCentredString(0, -34, word)
    c.restoreState()


class DocumentCanvas(_canvas.Canvas):
    """A canvas that draws the letterhead and 'page X of Y' on every page when saved."""

    def __init__(self, *args, info: DocumentInfo, **kwargs):
        register_fonts()
        # Start every page in DejaVu, so the PDF never refers to a non-embedded Helvetica (Platypus
        # passes initialFontName=None, which would mean Helvetica).
        if not kwargs.get("initialFontName"):
            kwargs["initialFontName"] = FONT
        # Screen readers and spell checkers read the document in its own language, not in English.
        kwargs["lang"] = pdf_language()
        super().__init__(*args, **kwargs)
        binding = _BINDING.get()
        if binding is not None:
            # A part of a bound document draws into that document's one PDF from its first stroke:
            # the fonts' subsets (and the logo) are the bound document's, so its pages move as they are.
            self._doc = binding.doc
            self._make_preamble()
        self._info = info
        self._pages: list[dict] = []
        self._section_starts: set[int] = {0}  # page indexes where a letter of a batch begins
        self.setTitle(info.title)
        self.setAuthor(info.letterhead.name)
        self.setCreator("huurdersgroep_app")

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def start_section(self) -> None:
        """The current page begins a new letter: its pages are numbered on their own ('1 of 1'),
        not as page 27 of a batch of 39."""
        self._section_starts.add(len(self._pages))

    @property
    def page_count(self) -> int:
        return len(self._pages)

    def save(self):
        binding = _BINDING.get()
        if binding is not None:
            binding.keep(self)  # its pages wait for the binding, which puts them in their place
            return
        self.emit_pages()
        super().save()

    def emit_pages(self, on_page: Callable[[DocumentCanvas, int], None] | None = None) -> None:
        """Draw the letterhead on the kept pages and put them in the PDF; ``on_page(canvas, index)``
        draws more on each (the bound document's page number)."""
        starts = sorted(i for i in self._section_starts if i < len(self._pages)) or [0]
        ends = starts[1:] + [len(self._pages)]
        numbering = [(index - start + 1, end - start) for start, end in zip(starts, ends, strict=True)
                     for index in range(start, end)]
        for index, ((number, total), state) in enumerate(zip(numbering, self._pages, strict=True)):
            self.__dict__.update(state)
            draw_page_frame(self, self._info, number, total)
            if on_page is not None:
                on_page(self, index)
            super().showPage()


# A part bound into a larger document (the funding dossier) is numbered by that document alone: its
# own 'Page 1 of 1' beside the dossier's 'page 7 of 22' would give a funder two numbers that disagree.
_BOUND_PART: ContextVar[bool] = ContextVar("documents_bound_part", default=False)


@contextmanager
def bound_part():
    """Write the documents inside as parts of a bound document: no page numbers of their own."""
    token = _BOUND_PART.set(True)
    try:
        yield
    finally:
        _BOUND_PART.reset(token)


class Binding:
    """One PDF bound from documents (the funding dossier), without writing and re-reading a PDF per
    part: inside ``binding()``, every document drawn on a ``DocumentCanvas`` draws into ``doc`` and,
    when it is saved, keeps its pages here (``take``) until ``canvas.emit_pages`` puts them in the
    bound order; ``save`` writes the whole."""

    def __init__(self):
        register_fonts()
        self.canvas = _canvas.Canvas(io.BytesIO(), initialFontName=FONT, lang=pdf_language())
        self.doc = self.canvas._doc
        self._kept: list[DocumentCanvas] = []

    def keep(self, canvas: DocumentCanvas) -> None:
        self._kept.append(canvas)

    def take(self) -> DocumentCanvas:
        """The document written since the last ``take``."""
        if len(self._kept) != 1:
            raise RuntimeError(f"expected one document, {len(self._kept)} were written")
        return self._kept.pop()

    def save(self, target, title: str, author: str) -> None:
        self.canvas.setTitle(title)
        self.canvas.setAuthor(author)
        self.canvas.setCreator("huurdersgroep_app")
        self.doc.SaveToFile(str(target) if isinstance(target, (str, Path)) else target, self.canvas)


_BINDING: ContextVar[Binding | None] = ContextVar("documents_binding", default=None)


@contextmanager
def binding():
    """Bind the documents written inside into one PDF (``Binding``); they print no page numbers of
    their own."""
    bound = Binding()
    token = _BINDING.set(bound)
    try:
        with bound_part():
            yield bound
    finally:
        _BINDING.reset(token)


def draw_page_frame(c: _canvas.Canvas, info: DocumentInfo, page: int, total: int) -> None:
    register_fonts()
    width, height = c._pagesize
    head = info.letterhead
    top = height - MARGIN
    x = MARGIN
    if head.logo:
        try:
            image = ImageReader(io.BytesIO(head.logo))
            iw, ih = image.getSize()
            h = 16 * mm
            w = min(h * iw / ih, 40 * mm)
            c.drawImage(image, x, top - h + 2 * mm, width=w, height=h, mask="auto", preserveAspectRatio=True)
            x += w + 4 * mm
        except Exception:  # a broken logo must never stop a document; the name still prints
            pass
    c.setFillColor(ACCENT)
    c.setFont(FONT_BOLD, 12)
    c.drawString(x, top - 2 * mm, head.name)
    c.setFillColor(MUTED)
    c.setFont(FONT, 8)
    y = top - 6.5 * mm
    for line in (*head.address_lines, head.contact_line):
        if line:
            c.drawString(x, y, line)
            y -= 3.6 * mm
    right = width - MARGIN
    c.setFont(FONT, 8)
    ry = top - 2 * mm
    for line in (head.registration_text,
                 head.iban and f"IBAN {head.iban}"):
        if line:
            c.drawRightString(right, ry, line)
            ry -= 3.6 * mm
    c.setStrokeColor(RULE)
    c.setLineWidth(0.8)
    c.line(MARGIN, height - MARGIN - HEADER_HEIGHT + 4 * mm, right, height - MARGIN - HEADER_HEIGHT + 4 * mm)
    if info.warning:
        c.setFont(FONT_BOLD, 8)
        c.setFillColor(WARNING)
        for n, line in enumerate(reversed(simpleSplit(info.warning, FONT_BOLD, 8, right - MARGIN))):
            c.drawString(MARGIN, MARGIN - 2.5 * mm + n * 3.4 * mm, line)
    if info.draft:
        draw_draft_word(c, info.draft)
    c.setFont(FONT, 8)
    c.setFillColor(MUTED)
    # A bound part's footer is the bound document's (the dossier's, with its page number): its own
    # title line above that one gave every page of the dossier two footers.
    if not _BOUND_PART.get():
        c.drawString(MARGIN, FOOTER_Y, f"{info.title} · {format_date(info.created or date.today())}")
        if total > 1 or info.number_single_page:
            c.drawRightString(right, FOOTER_Y, _("Page {page} of {total}").format(page=page, total=total))
    c.setFillColor(colors.black)


def content_box(pagesize) -> tuple[float, float, float, float]:
    """(x, y, width, height) of the area between letterhead and footer."""
    width, height = pagesize
    return (MARGIN, MARGIN + FOOTER_HEIGHT - 6 * mm, width - 2 * MARGIN,
            height - 2 * MARGIN - HEADER_HEIGHT - FOOTER_HEIGHT + 6 * mm)


def check_target(target) -> None:
    """Refuse, in the user's words, a path whose folder is missing or that is a folder itself.

    Checked before any drawing, so the user learns it at once and no half-written file remains.
    """
    if not isinstance(target, (str, Path)):
        return  # a file object: the caller opened it
    path = Path(target)
    if path.is_dir():
        raise DomainError(_("{path} is a folder. Give a file name for the document.").format(path=path))
    folder = path.parent
    if not folder.is_dir():
        raise DomainError(_("The folder {folder} does not exist. Choose an existing folder.").format(folder=folder))


def page_size(landscape: bool = False):
    return _landscape(A4) if landscape else A4


def build_pdf(target, info: DocumentInfo, story: list, *, landscape: bool = False) -> int:
    """Lay out Platypus flowables on the letterhead; ``target`` is a path or a binary file.

    Returns the number of pages."""
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    check_target(target)
    register_fonts()
    size = page_size(landscape)
    x, y, w, h = content_box(size)
    doc = BaseDocTemplate(str(target) if isinstance(target, (str, Path)) else target, pagesize=size,
                          title=info.title, author=info.letterhead.name,
                          leftMargin=x, rightMargin=x, topMargin=size[1] - y - h, bottomMargin=y)
    doc.addPageTemplates([PageTemplate(id="page", frames=[Frame(x, y, w, h, id="body", leftPadding=0,
                                                                rightPadding=0, topPadding=0, bottomPadding=0)])])

    made: list[DocumentCanvas] = []

    def make_canvas(*args, **kwargs):
        made.append(DocumentCanvas(*args, info=info, **kwargs))
        return made[-1]

    doc.build(story, canvasmaker=make_canvas)
    return made[-1].page_count
