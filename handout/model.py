"""The data that flows through the pipeline: routine, layout and paper in; a page of positioned boxes out.

Points (1/72 inch) are the only length unit inside the program; millimetres and inches are converted
where they enter (layout files, paper sizes). Page coordinates have their origin at the top-left corner
of the sheet and y grows downwards, the way a reader scans it; only the renderer flips them for PDF.

What crosses from one stage to another is a frozen dataclass of this module. The records a stage keeps
to itself (an arrangement the layout weighs, a bone of the drawn figure) are NamedTuples: just as
immutable, and Python 3.11 makes one without compiling the six methods it writes for each frozen
dataclass when its module is imported: the largest part of a cold `handout build`'s own start-up.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

MM = 72 / 25.4
"""Points per millimetre."""

Color = str
"""A colour as "#rrggbb"."""

Point = tuple[float, float]

FontRole = Literal["regular", "bold"]
"""Which face of the page's one font family a text uses; fonts.py maps roles to embedded fonts."""


# --- Poses: the mannequin's joints, as a pose file gives them ----------------------------------

SIDES = ("near", "far")
BODY_JOINTS = ("head", "neck", "waist", "pelvis")
LIMB_JOINTS = ("shoulder", "elbow", "hand", "hip", "knee", "ankle", "toe")
JOINTS = BODY_JOINTS + tuple(f"{side}_{joint}" for side in SIDES for joint in LIMB_JOINTS)
PARTS = ("far_arm", "far_leg", "body", "near_leg", "near_arm")
"""The default drawing order, back to front; a pose's `order` may change it (an arm reaching across)."""
LIMB_MUSCLES = (
    "thigh_front",
    "thigh_back",
    "thigh_inner",
    "thigh_outer",
    "hip_front",
    "hip_outer",
    "calf",
    "calf_lower",
)
"""Muscles of an arm or leg, highlighted on one side: "near_calf", "far_thigh_back"."""
BODY_MUSCLES = ("chest", "upper_back", "abdomen", "lower_back")
HIGHLIGHTS = tuple(f"{side}_{name}" for side in SIDES for name in LIMB_MUSCLES) + BODY_MUSCLES
Facing = Literal["right", "left"]
Ground = Literal["floor", "mat", "mat_above", "none"]
"""What the figure is on: a floor line, a mat seen edge-on, a mat seen from above (under a figure lying
seen from above), or nothing."""
View = Literal["side", "front"]
"""Side: the figure faces along x and "near" limbs are the viewer's side. Front: it faces the viewer."""
PropKind = Literal["step", "chair"]


@dataclass(frozen=True)
class Prop:
    """Something the figure stands or sits on, from x `start` to x `end` (cm), `height` cm high.

    A step is a box; a chair is a seat at `height` with its back rising at `start` (behind the figure).
    """

    kind: PropKind
    start: float
    end: float
    height: float


@dataclass(frozen=True)
class Pose:
    """One stretch's position of the mannequin, as read from its pose file."""

    name: str
    joints: tuple[tuple[str, Point], ...]
    """Every joint of JOINTS in the picture's plane, centimetres, y up from the floor, figure facing right.

    A pose file may give joints in 3D; content/poses.py projects them to the pose's view.
    """
    highlight: tuple[str, ...]
    facing: Facing = "right"
    ground: Ground = "floor"
    wall: float | None = None
    """x of a wall's surface in centimetres, drawn for balance stretches."""
    order: tuple[str, ...] = PARTS
    view: View = "side"
    props: tuple[Prop, ...] = ()

    def joint(self, name: str) -> Point:
        return dict(self.joints)[name]


# --- Input: what the user asked for -------------------------------------------------------------


@dataclass(frozen=True)
class Photo:
    """A raster image file (the user's photo), placed and downsampled by images.py."""

    path: Path
    owner: str
    """How messages name the routine file and stretch it belongs to, should it fail to decode."""


@dataclass(frozen=True)
class Figure:
    """A bundled vector illustration: a pose that figures.py turns into shapes."""

    name: str
    pose: Pose


Illustration = Photo | Figure


@dataclass(frozen=True)
class Stretch:
    """One stretch of a routine: what its card prints (name, target, numbered key points) and its picture."""

    name: str
    target: str
    key_points: tuple[str, ...]
    cues: tuple[str, ...] = ()
    """A few words per step ("Heel to bottom"), which a poster prints instead of the key points."""
    hold: str | None = None
    image: Illustration | None = None


@dataclass(frozen=True)
class Routine:
    """What a coach wrote (or the web page wrote for them): a titled list of stretches, and details for
    the header and footer."""

    title: str
    stretches: tuple[Stretch, ...]
    subtitle: str | None = None
    lang: str | None = None
    """The language the routine is written in ("de"), or None to let the text decide (CJK, else English)."""
    details: Mapping[str, str] = field(default_factory=dict)
    """The routine's [details] table (club, date, url...): what layout templates may print."""
    name: str = "routine"
    """Short name used in the default output file name (the file's stem, or the bundled name)."""
    source: str = "routine"
    """How messages name the routine file: as the user typed its path, or the bundled file's name."""
    notes: tuple[str, ...] = ()
    """What the build tells the user about the routine on stderr, one line each (a figure found by name)."""


@dataclass(frozen=True)
class Paper:
    """A sheet of paper in points, as the coach turned it (portrait or landscape)."""

    name: str
    width: float
    height: float

    @property
    def landscape(self) -> bool:
        """Wider than tall: the sheet turned on its side."""
        return self.width > self.height


@dataclass(frozen=True)
class TextStyle:
    """Size of a kind of text, relative to the page's body size, and its face and colour."""

    scale: float
    font: FontRole
    color: Color


CardField = Literal["name", "target", "hold", "points"]
ImagePosition = Literal["shape", "either", "top", "left"]
RowHeights = Literal["equal", "fitted", "flow"]
"""How the card area is cut: rows of one height, each row as tall as its cards need, or no rows at all
("flow"): the cards run down the first column, then the next, like a newspaper's, each as tall as its
contents need."""


@dataclass(frozen=True)
class Layout:
    """Everything that makes one layout differ from another, read from a file in layouts/."""

    name: str
    description: str
    columns: tuple[int, ...]
    """Column counts the engine may arrange a portrait sheet in, tried in this order."""
    columns_landscape: tuple[int, ...]
    """Column counts for a landscape sheet: the wider page usually takes more of them."""
    max_stretches: int
    """The layout's capacity: it fits this many of the library's wordiest stretches; more are refused."""
    margin: float
    gap: float
    card_padding: float
    card_border: float
    card_radius: float
    image_positions: tuple[ImagePosition, ...]
    """Where a card's illustration may go, tried in this order: by its figure's shape (a band on top for
    a wide figure, a column beside the text for a tall one), above its text or on its left."""
    figure_share_by_count: tuple[tuple[int, float], ...]
    """(up to N stretches, each figure at least this share of its card's area), in increasing N: the
    engine meets it before it grows the text (`figure_share_for`)."""
    row_heights: tuple[RowHeights, ...]
    """How the cards may share the page's height (rows of one height, fitted rows, or flowing down the
    columns), tried in this order."""
    span: bool
    """A last row with fewer cards than columns may widen them to fill the row."""
    image_fit: Literal["contain", "cover"]
    points: Literal["key_points", "cues"]
    """What a card numbers: the key points, or the stretch's short cues where it has them."""
    card_fields: tuple[CardField, ...]
    """Which parts of a stretch its card shows, top to bottom, below or beside the image."""
    show_subtitle: bool
    body_max: float
    body_min: float
    """The smallest body size of any routine; `body_min_for` gives a routine's own."""
    line_spacing: float
    """Baseline-to-baseline distance as a multiple of the text size."""
    title_min: float
    """The smallest size in points a title that wraps may be made to take fewer lines (0: it never is)."""
    accent: Color
    ink: Color
    muted: Color
    title: TextStyle
    subtitle: TextStyle
    heading: TextStyle
    target: TextStyle
    hold: TextStyle
    point: TextStyle
    footer: TextStyle
    header: TextStyle
    """The line above the title, filled from the header template."""
    header_template: str
    """Jinja2 source of the line above the title, filled by templates.py; "" for none."""
    footer_template: str
    """Jinja2 source of the line at the foot of the page, usually the safety advice; "" for none."""
    qr_size: float
    """Side of the QR code for the `url` detail, at the footer's right; 0: this layout prints none."""
    copies: int
    """Copies on one sheet: 2 lays the page out on half the sheet and prints it twice, to cut apart."""
    source: str
    """How messages name the layout file."""
    grayscale: bool = False
    """Photos are printed in gray too (layouts.grayscale sets it along with gray colours)."""
    body_min_by_count: tuple[tuple[int, float], ...] = ()
    """(up to N stretches, at least P pt), in increasing N: a poster of 4 keeps bigger print than one of 6."""

    def figure_share_for(self, count: int) -> float:
        """The least share of its card each figure of a routine of `count` stretches gets."""
        return next((share for limit, share in self.figure_share_by_count if count <= limit), 0.0)

    def body_min_for(self, count: int) -> float:
        """The smallest body size a routine of `count` stretches may be set in."""
        for limit, size in self.body_min_by_count:
            if count <= limit:
                return size
        return self.body_min


@dataclass(frozen=True)
class Furniture:
    """What a page prints besides the routine: the filled-in header and footer lines.

    templates.py makes it from the layout's templates and the details, so the layout engine only ever
    sees plain text.
    """

    header: str = ""
    footer: str = ""
    url: str | None = None
    """The link for the QR code, printed beside it too; None when not set or the layout shows none."""


# --- Output of the layout: positioned boxes -----------------------------------------------------


@dataclass(frozen=True)
class Rect:
    """A rectangle in page coordinates: points from the top-left corner, y down, as the layout places."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def contains(self, other: Rect, tolerance: float = 0.01) -> bool:
        return (
            other.x >= self.x - tolerance
            and other.y >= self.y - tolerance
            and other.right <= self.right + tolerance
            and other.bottom <= self.bottom + tolerance
        )

    def overlaps(self, other: Rect, tolerance: float = 0.01) -> bool:
        return (
            self.x < other.right - tolerance
            and other.x < self.right - tolerance
            and self.y < other.bottom - tolerance
            and other.y < self.bottom - tolerance
        )


TextRole = Literal[
    "header", "title", "subtitle", "name", "target", "hold", "number", "point", "footer", "url"
]


@dataclass(frozen=True)
class TextBox:
    """One line of text, already measured and broken: the renderer draws it as it is."""

    rect: Rect
    """From the font's ascent above the baseline to its descent below; width is the measured width."""
    baseline: float
    text: str
    font: FontRole
    size: float
    color: Color
    role: TextRole
    card: int | None = None
    """Index of the stretch whose card holds this line, or None for page-level text."""


@dataclass(frozen=True)
class ImageBox:
    """Where a stretch's illustration (a drawn figure or a photo) goes, and how it is coloured and fitted."""

    rect: Rect
    image: Illustration
    fit: Literal["contain", "cover"]
    accent: Color
    ink: Color
    card: int
    grayscale: bool = False
    """A photo is converted to gray before it is embedded."""
    scale: float | None = None
    """A figure's size in points per centimetre of pose space: one body scale for every figure of a sheet.
    None fits the figure to its box."""


@dataclass(frozen=True)
class FrameBox:
    """A card's outline: a thin stroke, never a fill, so the sheet prints light."""

    rect: Rect
    color: Color
    width: float
    radius: float
    card: int


@dataclass(frozen=True)
class QrBox:
    """A QR code: the renderer draws `value`'s modules to fill the square `rect`.

    The rect is the code itself; the layout keeps the blank quiet zone a scanner needs around it.
    """

    rect: Rect
    value: str
    color: Color


Box = TextBox | ImageBox | FrameBox | QrBox


@dataclass(frozen=True)
class Imposition:
    """How copies of one page sit on the printed sheet, so a club cuts two handouts from one sheet."""

    width: float
    height: float
    """The printed sheet, which is bigger than the page."""
    offsets: tuple[Point, ...]
    """Each copy's top-left corner on the sheet."""
    cuts: tuple[tuple[Point, Point], ...]
    """Dashed lines to cut along, from edge to edge of the sheet."""
    cut_color: Color


@dataclass(frozen=True)
class Page:
    """A laid-out page: every box positioned, in reading order, ready to be drawn (no decisions left)."""

    width: float
    height: float
    boxes: tuple[Box, ...]
    body_size: float
    """The body text size the layout settled on: the largest at which everything fits."""
    title: str
    subject: str
    imposition: Imposition | None = None
    """Several copies of the page on one sheet (imposition.py), or None: the page is the sheet."""
    lang: str = "en"
    """The language of the text, for the PDF's /Lang (screen readers, search)."""
    cjk_font: str | None = None
    """The font that draws the page's Chinese, Japanese or Korean text, if it has any."""
    scripts: tuple[str, ...] = ()
    """The shaped scripts the page has ("arabic", "devanagari"): their fonts are measured in its lines."""
    arrangement: str = ""
    """How the layout engine arranged the cards ("2 columns, image top 0.24, equal rows"), for reports."""


# --- Vector shapes: what a figure is drawn with -------------------------------------------------


@dataclass(frozen=True)
class Path2D:
    """A vector path in box coordinates (origin top-left, y down, points).

    Each segment is one point (a straight line to it) or three points (a cubic Bézier: two control
    points, then the end point). Strokes have round caps and joins, as line art should.
    """

    start: Point
    segments: tuple[tuple[Point, ...], ...]
    closed: bool = False
    stroke: Color | None = None
    stroke_width: float = 0.0
    fill: Color | None = None


@dataclass(frozen=True)
class Circle:
    """A filled or stroked circle in box coordinates: a figure's head and hands."""

    center: Point
    radius: float
    stroke: Color | None = None
    stroke_width: float = 0.0
    fill: Color | None = None


Shape = Path2D | Circle
