"""Language names in their own language as well as in English: "Polski (Polish)".

Someone who reads Polish better than English looks for "Polski", not "Polish"; a screen reader
needs a `lang` attribute to pronounce it (and `dir="rtl"` for Arabic script). The table covers
the languages UK services commonly offer; English and codes not in it show just the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Known:
    english: str
    endonym: str
    rtl: bool = False


# Keyed by ISO 639-1 where the language has one, else ISO 639-3 (as BCP 47 prefers).
ENDONYMS: dict[str, Known] = {
    "am": Known("Amharic", "አማርኛ"),
    "ar": Known("Arabic", "العربية", rtl=True),
    "bfi": Known("British Sign Language", "British Sign Language"),
    "bg": Known("Bulgarian", "Български"),
    "bn": Known("Bengali", "বাংলা"),
    "ckb": Known("Kurdish (Sorani)", "کوردی", rtl=True),
    "cmn": Known("Mandarin", "普通话"),
    "cs": Known("Czech", "Čeština"),
    "cy": Known("Welsh", "Cymraeg"),
    "de": Known("German", "Deutsch"),
    "el": Known("Greek", "Ελληνικά"),
    "en": Known("English", "English"),
    "es": Known("Spanish", "Español"),
    "fa": Known("Farsi", "فارسی", rtl=True),
    "fr": Known("French", "Français"),
    "ga": Known("Irish", "Gaeilge"),
    "gd": Known("Scottish Gaelic", "Gàidhlig"),
    "gu": Known("Gujarati", "ગુજરાતી"),
    "ha": Known("Hausa", "Hausa"),
    "he": Known("Hebrew", "עברית", rtl=True),
    "hi": Known("Hindi", "हिन्दी"),
    "hu": Known("Hungarian", "Magyar"),
    "ig": Known("Igbo", "Asụsụ Igbo"),
    "it": Known("Italian", "Italiano"),
    "kmr": Known("Kurdish (Kurmanji)", "Kurmancî"),
    "ku": Known("Kurdish", "Kurdî"),
    "ln": Known("Lingala", "Lingála"),
    "lt": Known("Lithuanian", "Lietuvių"),
    "lv": Known("Latvian", "Latviešu"),
    "ml": Known("Malayalam", "മലയാളം"),
    "ne": Known("Nepali", "नेपाली"),
    "om": Known("Oromo", "Afaan Oromoo"),
    "pa": Known("Punjabi", "ਪੰਜਾਬੀ"),
    "pl": Known("Polish", "Polski"),
    "pnb": Known("Punjabi (Shahmukhi)", "پنجابی", rtl=True),
    "prs": Known("Dari", "دری", rtl=True),
    "ps": Known("Pashto", "پښتو", rtl=True),
    "pt": Known("Portuguese", "Português"),
    "ro": Known("Romanian", "Română"),
    "ru": Known("Russian", "Русский"),
    "sk": Known("Slovak", "Slovenčina"),
    "so": Known("Somali", "Soomaali"),
    "sq": Known("Albanian", "Shqip"),
    "sw": Known("Swahili", "Kiswahili"),
    "ta": Known("Tamil", "தமிழ்"),
    "te": Known("Telugu", "తెలుగు"),
    "th": Known("Thai", "ไทย"),
    "ti": Known("Tigrinya", "ትግርኛ"),
    "tl": Known("Tagalog", "Tagalog"),
    "tr": Known("Turkish", "Türkçe"),
    "uk": Known("Ukrainian", "Українська"),
    "ur": Known("Urdu", "اردو", rtl=True),
    "vi": Known("Vietnamese", "Tiếng Việt"),
    "yo": Known("Yoruba", "Yorùbá"),
    "yue": Known("Cantonese", "廣東話"),
    "zh": Known("Chinese", "中文"),
}

# Three-letter codes (ISO 639-3 and 639-2/B) of the languages above that have a two-letter one.
THREE_LETTER: dict[str, str] = {
    "amh": "am", "ara": "ar", "bul": "bg", "ben": "bn", "ces": "cs", "cze": "cs",
    "cym": "cy", "wel": "cy", "deu": "de", "ger": "de", "ell": "el", "gre": "el",
    "eng": "en", "spa": "es", "fas": "fa", "per": "fa", "pes": "fa", "fra": "fr",
    "fre": "fr", "gle": "ga", "gla": "gd", "guj": "gu", "hau": "ha", "heb": "he",
    "hin": "hi", "hun": "hu", "ibo": "ig", "ita": "it", "kur": "ku", "lin": "ln",
    "lit": "lt", "lav": "lv", "lvs": "lv", "mal": "ml", "nep": "ne", "npi": "ne",
    "orm": "om", "pan": "pa", "pol": "pl", "pus": "ps", "pbt": "ps", "por": "pt",
    "ron": "ro", "rum": "ro", "rus": "ru", "slk": "sk", "slo": "sk", "som": "so",
    "sqi": "sq", "alb": "sq", "swa": "sw", "swh": "sw", "tam": "ta", "tel": "te",
    "tha": "th", "tir": "ti", "tgl": "tl", "tur": "tr", "ukr": "uk", "urd": "ur",
    "vie": "vi", "yor": "yo", "zho": "zh", "chi": "zh",
}  # fmt: skip

_PRIMARY_SUBTAG = re.compile(r"^([a-z]{2,3})(?:[-_].*)?$")


@dataclass(frozen=True)
class LanguageName:
    """A language as a page shows it: the endonym (marked up with `lang`) and the English name."""

    english: str
    endonym: str = ""
    lang: str = ""
    rtl: bool = False

    @property
    def label(self) -> str:
        """Plain text for places that cannot carry markup: 'Polski (Polish)'."""
        return f"{self.endonym} ({self.english})" if self.endonym else self.english


def normalise_code(code: str) -> str:
    """'PL', 'pol' and 'pl-PL' all become 'pl'; unreadable codes become ''."""
    match = _PRIMARY_SUBTAG.match((code or "").strip().lower())
    if not match:
        return ""
    primary = match.group(1)
    return THREE_LETTER.get(primary, primary)


def _plain(name: str) -> str:
    """'Chinese (Mandarin)' reads as 'Chinese, Mandarin' inside the label's own brackets."""
    return re.sub(r"\s*\(([^()]*)\)", r", \1", name).strip()


def language_name(code: str, name: str = "") -> LanguageName:
    """How to show a service's language: the endonym too when we know it and it differs."""
    key = normalise_code(code)
    known = ENDONYMS.get(key)
    english = " ".join((name or "").split()) or (known.english if known else code)
    if known is None or key == "en" or known.endonym.casefold() == english.casefold():
        return LanguageName(english)
    return LanguageName(_plain(english), known.endonym, key, known.rtl)
