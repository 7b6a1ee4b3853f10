"""Text that types out inside a box: laid out once, then shown a character at a time.

The text comes as style runs (plain text is one run). Each character, with the
combining marks after it, is drawn by the first font of its style's chain that
has all its glyphs, so a line mixing Latin, Greek, Cyrillic or symbols draws
each from a font that has it. Lines break at spaces and after hyphens, and between
Chinese and Japanese characters (`game.linebreaks`); a word longer than the line
breaks inside itself with a hyphen. Lines that do not fit
the box go on a next page; `page_breaks` are the character indexes where pages
start, which the reveal turns into click-waits. Nothing is drawn outside the box.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import pygame
from arabic_reshaper import ArabicReshaper  # type: ignore[import-untyped]

from game.linebreaks import may_break

#: Arabic letters in the joined form each takes (initial, medial, final), one character for one,
#: so indexes stay those of the text; the words are then drawn right to left (see `_visual`).
ARABIC = ArabicReshaper(configuration={"support_ligatures": False, "delete_harakat": False, "delete_tatweel": False})
HYPHEN = "-"
JOINERS = ("\u200d",)  # zero-width joiner: the next character belongs to the same cluster


class RunStyle(Protocol):
    """What a style run says (markup's `TextStyle` has these fields)."""

    @property
    def bold(self) -> bool: ...

    @property
    def italic(self) -> bool: ...

    @property
    def colour(self) -> tuple[int, int, int] | None: ...


@dataclass(frozen=True)
class PlainStyle:
    """The style of text with no markup."""

    bold: bool = False
    italic: bool = False
    colour: tuple[int, int, int] | None = None


PLAIN = PlainStyle()
Run = tuple[str, RunStyle]


class FontsFor(Protocol):
    """A style's font chain (`assets.FontChain`): `main`, and `font_for(cluster)`."""

    main: pygame.font.Font

    def font_for(self, cluster: str) -> pygame.font.Font: ...


@dataclass(frozen=True)
class _Cluster:
    """A character with the marks drawn on it; `start` is its index in the whole text."""

    text: str
    start: int
    font: pygame.font.Font
    colour: tuple[int, int, int]
    rtl: bool = False  # Arabic or Hebrew: shaped and drawn right to left

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class _Piece:
    """Consecutive clusters of one font and colour on one line, rendered once."""

    text: str
    start: int  # index of its first character in the whole text; -1 for a drawn hyphen
    font: pygame.font.Font
    x: int
    y: int  # offset from the line's top that puts its baseline on the line's
    surface: pygame.Surface
    rtl: bool = False  # typed out from its right end


@dataclass
class _Line:
    start: int
    end: int  # one past its last shown character (trailing spaces are not shown)
    pieces: list[_Piece]


class TypedText:
    """Runs of text laid out in `area` (pages of whole lines), drawn with any number of characters visible."""

    def __init__(
        self,
        runs: str | Sequence[Run],
        fonts_for: Callable[[RunStyle], FontsFor],
        area: pygame.Rect,
        colour: tuple[int, int, int],
        *,
        line_height: int,
    ) -> None:
        if isinstance(runs, str):
            runs = [(runs, PLAIN)]
        self.area = pygame.Rect(area)
        main = fonts_for(PLAIN).main
        self.line_height = max(line_height, main.get_linesize())
        self._ascent = main.get_ascent()
        clusters = _clusters(runs, fonts_for, colour)
        self.text = "".join(text for text, _ in runs)
        self.lines = [self._render(line) for line in _wrap(clusters, self.area.w)]
        per_page = max(1, self.area.h // self.line_height)
        self.pages = [self.lines[i : i + per_page] for i in range(0, len(self.lines), per_page)] or [[]]
        self.page_breaks = tuple(page[0].start for page in self.pages[1:])

    def _render(self, items: list[_Cluster | str]) -> _Line:
        """Render a line in pieces of one font and colour; a str in `items` is a drawn hyphen."""
        groups: list[list[_Cluster | str]] = []
        for item in _visual(items):
            if isinstance(item, _Cluster) and item.text == "\n":
                continue
            head = groups[-1][0] if groups else None
            if isinstance(item, _Cluster) and isinstance(head, _Cluster) and (head.font, head.colour, head.rtl) == (item.font, item.colour, item.rtl):
                groups[-1].append(item)
            else:
                groups.append([item])
        pieces: list[_Piece] = []
        x, last = 0, None
        for group in groups:
            letters = [c for c in group if isinstance(c, _Cluster)]
            if letters:
                last = letters[-1]
                text, start = "".join(c.text for c in letters), min(c.start for c in letters)
            else:  # the hyphen of a word cut here, in the font and colour of the letter before it
                text, start = HYPHEN, -1
            assert last is not None, "a line never starts with a cut word's hyphen"
            surface = last.font.render(text, True, last.colour)
            rtl = start >= 0 and last.rtl
            pieces.append(_Piece(text, start, last.font, x, self._ascent - last.font.get_ascent(), surface, rtl))
            x += last.font.size(text)[0]
        clusters = [c for c in items if isinstance(c, _Cluster)]
        shown = [c for c in clusters if not c.text.isspace()]
        start = clusters[0].start if clusters else 0
        return _Line(start, shown[-1].end if shown else start, pieces)

    def page_at(self, index: int) -> int:
        """The page on which the character at `index` stands."""
        return sum(index >= start for start in self.page_breaks)

    def draw(self, canvas: pygame.Surface, visible: int, *, text_from: int = 0, clip: pygame.Rect | None = None) -> None:
        """Draw the page that starts at or before `text_from`, with characters up to `visible` shown,
        never outside `clip` (the text area when not given)."""
        before = canvas.get_clip()
        canvas.set_clip((clip or self.area).clip(before))
        y = self.area.y
        for line in self.pages[self.page_at(text_from)]:
            if visible <= line.start:
                break
            for piece in line.pieces:
                self._draw_piece(canvas, piece, line, visible, y)
            y += self.line_height
        canvas.set_clip(before)

    def _draw_piece(self, canvas: pygame.Surface, piece: _Piece, line: _Line, visible: int, y: int) -> None:
        at = (self.area.x + piece.x, y + piece.y)
        if piece.start < 0:  # a hyphen shows with the whole line
            if visible >= line.end:
                canvas.blit(piece.surface, at)
            return
        shown = visible - piece.start
        if shown <= 0:
            return
        if shown >= len(piece.text):
            canvas.blit(piece.surface, at)
            return
        width = piece.font.size(piece.text[-shown:] if piece.rtl else piece.text[:shown])[0]
        left = piece.surface.get_width() - width if piece.rtl else 0
        canvas.blit(piece.surface, (at[0] + left, at[1]), pygame.Rect(left, 0, width, piece.surface.get_height()))


def render_line(text: str, fonts: FontsFor, colour: tuple[int, int, int]) -> pygame.Surface:
    """One line (a name, a label) drawn with the fallbacks for glyphs its font lacks, on a transparent surface."""
    typed = TypedText(text, lambda style: fonts, pygame.Rect(0, 0, 100_000, 10_000), colour, line_height=0)
    width = max((piece.x + piece.surface.get_width() for line in typed.lines for piece in line.pieces), default=1)
    surface = pygame.Surface((max(1, width), typed.line_height), pygame.SRCALPHA)
    typed.draw(surface, len(typed.text), clip=surface.get_rect())
    return surface


def wrap(text: str, font: pygame.font.Font, width: int) -> list[tuple[str, int]]:
    """Lines of at most `width` pixels in one font (notices, questions), each with the index of its
    first character: broken as the text box breaks them, a word too long cut with a hyphen."""
    clusters = [_Cluster(cluster, start, font, (0, 0, 0)) for cluster, start in _with_starts(_split_clusters(text))]
    lines = _wrap(clusters, width) if text else []
    return [
        ("".join(c.text if isinstance(c, _Cluster) else HYPHEN for c in line).rstrip(" \n"), next((c.start for c in line if isinstance(c, _Cluster)), 0))
        for line in lines
    ]


def _with_starts(clusters: list[str]) -> list[tuple[str, int]]:
    starts, at = [], 0
    for cluster in clusters:
        starts.append((cluster, at))
        at += len(cluster)
    return starts


def _clusters(runs: Sequence[Run], fonts_for: Callable[[RunStyle], FontsFor], colour: tuple[int, int, int]) -> list[_Cluster]:
    """The text split into characters with their combining marks, each with the font that draws it."""
    logical = "".join(text for text, _ in runs)
    shaped = ARABIC.reshape(logical) if any("\u0600" <= char <= "\u06ff" for char in logical) else logical
    shaped = shaped if len(shaped) == len(logical) else logical  # indexes must stay those of the text
    clusters: list[_Cluster] = []
    start = 0
    for text, style in runs:
        chain = fonts_for(style)
        run_colour = style.colour or colour
        for cluster in _split_clusters(text):
            drawn = shaped[start : start + len(cluster)]
            rtl = unicodedata.bidirectional(cluster[0]) in ("R", "AL")
            clusters.append(_Cluster(drawn, start, chain.font_for(drawn), run_colour, rtl))
            start += len(cluster)
    return _join_right_to_left(clusters)


def _visual(items: list[_Cluster | str]) -> list[_Cluster | str]:
    """A line in drawing order: each stretch of right-to-left clusters (with the spaces between
    its words) reversed. Enough for Arabic or Hebrew phrases inside a line; not the full bidi algorithm."""
    out: list[_Cluster | str] = []
    stretch: list[_Cluster] = []
    for item in [*items, ""]:
        if isinstance(item, _Cluster) and item.rtl:
            stretch.append(item)
            continue
        out.extend(reversed(stretch))
        stretch = []
        if item != "":
            out.append(item)
    return out


def _join_right_to_left(clusters: list[_Cluster]) -> list[_Cluster]:
    """A space between two right-to-left words joins them, so the words run right to left too."""
    joined = list(clusters)
    for index in range(1, len(joined) - 1):
        before, space = joined[index - 1], joined[index]
        if space.text != " " or not before.rtl:
            continue
        after = next((c for c in joined[index + 1 :] if c.text != " "), None)
        if after is not None and after.rtl and before.font is after.font:
            joined[index] = _Cluster(space.text, space.start, before.font, before.colour, True)
    return joined


def _split_clusters(text: str) -> list[str]:
    """Characters, each with the combining marks, variation selectors and joined characters after it."""
    out: list[str] = []
    for char in text:
        joined = out and (out[-1][-1] in JOINERS or _attaches(char))
        if joined and char != "\n" and not out[-1].isspace():
            out[-1] += char
        else:
            out.append(char)
    return out


def _attaches(char: str) -> bool:
    return unicodedata.combining(char) > 0 or unicodedata.category(char) in ("Mn", "Me", "Mc") or char in JOINERS or 0xFE00 <= ord(char) <= 0xFE0F


def _width(clusters: Sequence[_Cluster | str]) -> int:
    """The width of clusters drawn side by side, measured a font's stretch at a time."""
    total, run = 0, ""
    font: pygame.font.Font | None = None
    for item in clusters:
        item_font = item.font if isinstance(item, _Cluster) else font
        text = item.text if isinstance(item, _Cluster) else HYPHEN
        if item_font is not font and run and font is not None:
            total += font.size(run)[0]
            run = ""
        font = item_font
        run += text
    return total + (font.size(run)[0] if run and font is not None else 0)


def _words(clusters: list[_Cluster]) -> list[list[_Cluster]]:
    """Stretches that end where a line may break (`game.linebreaks`) and at a newline."""
    words: list[list[_Cluster]] = [[]]
    for index, cluster in enumerate(clusters):
        words[-1].append(cluster)
        following = clusters[index + 1].text if index + 1 < len(clusters) else ""
        if cluster.text == "\n" or may_break(cluster.text, following):
            words.append([])
    return [word for word in words if word]


def _wrap(clusters: list[_Cluster], width: int) -> list[list[_Cluster | str]]:
    """Lines of at most `width` pixels; a word wider than a line is cut with a hyphen ("-" in the list)."""
    lines: list[list[_Cluster | str]] = [[]]
    for word in _words(clusters):
        trailing = len(word) - len("".join(c.text[0] for c in word).rstrip())
        body = word[: len(word) - trailing]  # trailing spaces may hang past the edge
        if lines[-1] and _width([*lines[-1], *body]) > width:
            lines.append([])
        while _width(body) > width:  # longer than a whole line: cut it, hyphen at each cut
            cut = _longest_fit(lines[-1], body, width)
            lines[-1].extend(body[:cut])
            lines[-1].append(HYPHEN)
            lines.append([])
            body, word = body[cut:], word[cut:]
        lines[-1].extend(word)
        if word[-1].text == "\n":
            lines.append([])
    return [line for line in lines if line] or [[]]


def _longest_fit(line: list[_Cluster | str], body: list[_Cluster], width: int) -> int:
    """How many clusters of `body` fit after `line` with a hyphen (at least one)."""
    low, high = 1, len(body) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if _width([*line, *body[:middle], HYPHEN]) <= width:
            low = middle
        else:
            high = middle - 1
    return low
