"""What visitors type, made comparable: one normalization for every form, search box and lookup.

Patients type on phones with Japanese, Arabic or Hindi keyboards, paste from documents and mistype:
the ZIP code 78701 in full-width or Arabic-Indic digits is still 78701, a full-width full stop is
a decimal point, and a stray NUL or control character is never meant. The finder, the JSON endpoint,
geocoding and search all read input through `normalize_input`, so the same text means the same thing
everywhere.
"""

import unicodedata

# Unicode categories never meant as text in a query: controls (NUL, escape...), unassigned
# code points, lone surrogates and private-use characters.
_DROPPED_CATEGORIES = {"Cc", "Cn", "Cs", "Co"}
# Format characters (Cf) are dropped too, except the joiners some scripts and emoji need.
_KEPT_FORMAT_CHARACTERS = {"\u200c", "\u200d"}


def _keep(character: str) -> bool:
    category = unicodedata.category(character)
    if category == "Cf":
        return character in _KEPT_FORMAT_CHARACTERS
    return category not in _DROPPED_CATEGORIES


def normalize_input(text: str | None) -> str:
    """`text` in NFKC form with ASCII digits, without control characters, on one line.

    NFKC folds compatibility forms (full-width digits and letters, ligatures, superscripts);
    decimal digits of every other script are then mapped to 0-9, since NFKC keeps them. Runs of
    whitespace (tabs and line breaks too) become one space; leading and trailing space goes.
    """
    folded = unicodedata.normalize("NFKC", text or "")
    characters = []
    for character in folded:
        if character.isspace():
            characters.append(" ")
        elif not _keep(character):
            continue
        elif character.isdecimal():
            characters.append(str(unicodedata.decimal(character)))
        else:
            characters.append(character)
    return " ".join("".join(characters).split())


def whole_number(text: str | None) -> int | None:
    """`text` as a whole number when it is written in the digits 0-9 alone, else None.

    For numbers read from URLs and headers (a page number, a page id, a length). `str.isdigit()`
    is not this test: it is true of superscripts ("¹") and other digit characters that `int()`
    rejects, so `isdigit()` then `int()` answered a server error to `?page=¹`. Nor does `int()`
    take more digits than `sys.get_int_max_str_digits()` (4,300): such a string is None too."""
    if not (text and text.isascii() and text.isdigit()):
        return None
    try:
        return int(text)
    except ValueError:  # more digits than int() converts
        return None
