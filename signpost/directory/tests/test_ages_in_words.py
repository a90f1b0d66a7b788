"""Ages said in a person's own words become the age filter; durations and past ages never do."""

import pytest

from signpost.directory.search.age_words import age_in_words


@pytest.mark.parametrize(
    "text, age",
    [
        ("help for my 6 year old who won't sleep", 6),
        ("my 6-year-old keeps having meltdowns", 6),
        ("I'm 15 and I hate school", 15),
        ("im 15", 15),
        ("I\u2019m 16, always worried", 16),
        ("i am 17 and cannot stop crying", 17),
        ("my daughter is nine and scared of everything", 9),
        ("my son, who is 12, is being bullied", 12),
        ("for my dad, he's 80 and lonely", 80),
        ("she's seventy-three and forgetful", 73),
        ("grandad is ninety nine", 99),
        ("a hundred year old neighbour", 100),
        ("aged 16 and drinking", 16),
        ("teen aged fourteen self harming", 14),
        ("support for 13yo with anger", 13),
        ("my 15 y/o", 15),
        ("services for a 70 yr old widower", 70),
        ("he is 19 years of age", 19),
        ("my nephew just turned 18", 18),
        ("our 9 month old, and I feel low since the birth", 0),
        ("our 15 year old has been low for 2 years", 15),
        ("depressed for 15 years and I'm 40 now", 40),
        ("twenty five year old with panic attacks", 25),
        ("sister is 21.", 21),
    ],
)
def test_an_age_said_in_words_is_read(text, age):
    assert age_in_words(text) == age


@pytest.mark.parametrize(
    "text",
    [
        "depressed for 15 years",
        "drinking heavily for 3 years",
        "it started 15 years ago",
        "abused since I was 12",
        "since I was 12 years old I have felt this way",
        "from the age of 11 I have self harmed",
        "at age 10 my mum died",
        "he is 15 years into recovery",
        "I'm 15 weeks pregnant and anxious",
        "I'm 3 drinks in and can't stop",
        "it's 2am and I can't sleep",
        "there is 1 thing I need",
        "he's 6ft and angry",
        "I'm 100% done",
        "groups for ages 11-18",
        "my twins are 6 and 9",
        "kids aged 6 and 9",
        "my 6 year old and my 9 year old",
        "aged 16 or 17",
        "I'm one of five children",
        "year 10 exams stress",
        "anxiety",
        "",
        "999",
        "I am 2.5 stone overweight",
        "he is 300",
    ],
)
def test_durations_past_ages_and_other_numbers_are_not_an_age(text):
    assert age_in_words(text) is None
