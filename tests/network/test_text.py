"""Numbers read from URLs and headers: digits 0-9 only (network.text.whole_number)."""

import pytest

from network.text import whole_number


@pytest.mark.parametrize(
    ("text", "number"), [("0", 0), ("7", 7), ("0042", 42), ("9" * 30, 10**30 - 1)]
)
def test_digits_0_to_9_are_a_number(text, number):
    assert whole_number(text) == number


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        " 7",
        "7 ",
        "-7",
        "+7",
        "7.0",
        "1e3",
        "0x1A",
        "\u00b9",
        "\u00b2\u00b3",
        "\u0661\u0662",
        "\uff17",
        "\u2460",
        "9" * 5000,  # more digits than int() converts: a ValueError, not a number
    ],
)
def test_anything_else_is_none(text):
    # Superscripts and circled digits pass str.isdigit(); Arabic-Indic and full-width digits
    # pass int(): none of them is a number a link or a header of this site carries.
    assert whole_number(text) is None
