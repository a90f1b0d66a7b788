"""Ages said in a person's own words: "my 6 year old", "I'm 15", "my daughter is nine".

People often say how old someone is in the search box rather than the age box. Reading it
lets the search hide services for the wrong age. Only a current age counts: a duration
("depressed for 15 years", "15 years ago") or a past age ("since I was 12", "at the age of
12") is never taken as one. When the words give two different ages ("my 6 and 9 year olds")
we do not guess: it is better to show services for both than to hide one person's.
"""

from __future__ import annotations

import re

UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS = {word: value for value, word in enumerate(UNITS)} | {
    word: 20 + 10 * index for index, word in enumerate(TENS)
}
OLDEST = 110
YOUNGEST_SELF = 8  # "I'm 2" is not how a toddler searches; it is usually "2 drinks in".

YEAR_WORDS = frozenset({"year", "years", "yr", "yrs", "yo", "y"})
MONTH_WORDS = frozenset({"month", "months", "mth", "mths"})
OLD_WORDS = frozenset({"old", "olds"})
# Words shortly before an age that put it in the past: "since I was 12".
PAST_WORDS = frozenset({"was", "were", "since", "until", "till", "used"})
# The same for "age 12": "at the age of 12", "from age 12".
PAST_AGE_WORDS = PAST_WORDS | {"at", "from"}
# Who can be the subject of "is N": people, not things ("there is 1 thing").
PEOPLE = frozenset(
    [
        "he",
        "she",
        "they",
        "who",
        "daughter",
        "son",
        "child",
        "kid",
        "dad",
        "mum",
        "mom",
        "mother",
        "father",
        "grandma",
        "grandad",
        "grandpa",
        "nan",
        "nana",
        "granny",
        "brother",
        "sister",
        "partner",
        "wife",
        "husband",
        "friend",
        "boy",
        "girl",
        "baby",
        "teenager",
        "toddler",
        "grandson",
        "granddaughter",
        "niece",
        "nephew",
        "stepson",
        "stepdaughter",
        "twin",
        "boyfriend",
        "girlfriend",
    ]
)
SELF_COPULAS = frozenset({"i'm", "im", "i'am"})
PERSON_COPULAS = frozenset({"he's", "she's", "hes", "shes", "they're", "theyre", "who's"})
# What may follow "I'm 15" for it to be an age: the end, a pause, or the sentence going on.
AFTER_COPULA = frozenset(
    [
        ".",
        ",",
        "!",
        "?",
        ";",
        ":",
        ")",
        "and",
        "but",
        "so",
        "now",
        "with",
        "who",
        "i",
        "i'm",
        "im",
        "he",
        "she",
        "they",
        "we",
        "my",
        "next",
        "soon",
        "this",
        "today",
        "going",
        "nearly",
        "almost",
        "struggling",
        "having",
        "not",
        "also",
        "feel",
        "feeling",
        "can't",
        "cant",
        "just",
    ]
)
RANGE_WORDS = frozenset({"to", "or", "and", "-", "/"})

_TOKEN = re.compile(r"\d+|[a-z]+(?:'[a-z]+)?|[^\sa-z\d]")


def tokens_of(text: str) -> list[str]:
    """Lower-case words, numbers and punctuation; hyphens and 'y/o' made plain."""
    text = text.casefold().replace("\u2019", "'").replace("y/o", "yo")
    return _TOKEN.findall(re.sub(r"(?<=[a-z\d])-(?=[a-z\d])", " ", text))


def read_number(words: list[str], start: int) -> tuple[int, int] | None:
    """The number at `start` in digits or words (up to a hundred and twenty), and its end."""
    word = words[start]
    if word.isdigit():
        return (int(word), start + 1) if len(word) <= 3 else None
    if word in ("a", "one") and start + 1 < len(words) and words[start + 1] == "hundred":
        return _hundred(words, start + 2)
    if word == "hundred":
        return _hundred(words, start + 1)
    if word not in NUMBER_WORDS:
        return None
    value, end = NUMBER_WORDS[word], start + 1
    if word in TENS and end < len(words) and NUMBER_WORDS.get(words[end], 99) in range(1, 10):
        return value + NUMBER_WORDS[words[end]], end + 1
    return value, end


def _hundred(words: list[str], end: int) -> tuple[int, int]:
    """'a hundred', 'one hundred and two'."""
    if end + 1 < len(words) and words[end] == "and":
        rest = read_number(words, end + 1)
        if rest is not None and rest[0] < 100:
            return 100 + rest[0], rest[1]
    return 100, end


def _word(words: list[str], index: int) -> str:
    return words[index] if 0 <= index < len(words) else ""


def _in_past(words: list[str], start: int, markers: frozenset[str] = PAST_WORDS) -> bool:
    """A past-tense or 'since' word shortly before: the age was, not is."""
    return any(w in markers for w in words[max(0, start - 4) : start])


def _said_as_years_old(words: list[str], end: int) -> bool:
    """'15 year old', '15yo', '15 years of age'."""
    unit, following = _word(words, end), _word(words, end + 1)
    if unit == "yo" or (unit in YEAR_WORDS and following in OLD_WORDS):
        return True
    return unit in YEAR_WORDS and following == "of" and _word(words, end + 2) == "age"


def _after_age_word(words: list[str], start: int) -> bool:
    """'aged 16', 'age 16', 'the age of 16'."""
    before = _word(words, start - 1)
    return before in ("aged", "age") or (before == "of" and _word(words, start - 2) == "age")


def _after_copula(words: list[str], start: int, end: int, value: int) -> bool:
    """'I'm 15', 'he's 80', 'my daughter is nine', 'she turned 12'."""
    before, subject = _word(words, start - 1), _word(words, start - 2)
    follows = _word(words, end)
    if follows and follows not in AFTER_COPULA:
        return False
    if before in SELF_COPULAS or (before == "am" and subject == "i"):
        return value >= YOUNGEST_SELF
    if before in PERSON_COPULAS or before == "turned":
        return True
    return (before == "is" and subject in PEOPLE) or (before == "are" and subject == "they")


def _is_range(words: list[str], end: int) -> bool:
    """'6 to 11', '6 and 9', '16 or 17': more than one age, so not one person's."""
    if _word(words, end) not in RANGE_WORDS or end + 1 >= len(words):
        return False
    return read_number(words, end + 1) is not None


def _age_at(words: list[str], start: int) -> int | None:
    """The current age said at `start`, if the words there say one."""
    number = read_number(words, start)
    if number is None:
        return None
    value, end = number
    if value > OLDEST or _word(words, end).isdigit() or _is_range(words, end):
        return None
    if _word(words, start - 1) == "." and _word(words, start - 2).isdigit():
        return None  # the end of a decimal, "2.5"
    if _in_past(words, start):
        return None
    if _word(words, end) in MONTH_WORDS and _word(words, end + 1) in OLD_WORDS:
        return value // 12
    if _after_age_word(words, start):
        return None if _in_past(words, start, PAST_AGE_WORDS) else value
    if _said_as_years_old(words, end):
        return value
    if _word(words, end) in YEAR_WORDS | MONTH_WORDS:
        return None  # "he is 15 years into recovery" is a duration
    return value if _after_copula(words, start, end, value) else None


def age_in_words(text: str) -> int | None:
    """The one current age the text gives, or None when it gives none or several."""
    words = tokens_of(text[:500])
    found: set[int] = set()
    index = 0
    while index < len(words):
        number = read_number(words, index)
        if number is None:
            index += 1
            continue
        age = _age_at(words, index)
        if age is not None:
            found.add(age)
        index = number[1]  # "twenty five": the five is not a number of its own
    return found.pop() if len(found) == 1 else None
