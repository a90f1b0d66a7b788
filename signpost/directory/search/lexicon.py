"""Word knowledge for directory search: how people describe mental-health needs in England.

Everything here is data, general to England rather than to any one area. Phrases are plain
lower case; long lists are comma-separated text (a line break inside a phrase is just a
space). The ranker (``text``) normalises, canonicalises and stems phrases exactly as it does
queries and service text, so "worries" and "worry" need not both be listed. Contractions are
expanded before matching, so write "do not", "can not", "i am" in phrases.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product


@dataclass(frozen=True, slots=True)
class Concept:
    """A need people name in many ways; triggers in a query add core and related search terms."""

    name: str
    triggers: tuple[str, ...]
    core: tuple[str, ...]
    related: tuple[str, ...] = ()


def _word_set(text: str) -> frozenset[str]:
    """Whitespace-separated words as a set, so long word lists stay readable."""
    return frozenset(text.split())


# Grammar words: never indexed or searched. Phrase triggers still see them.
STOPWORDS: frozenset[str] = _word_set(
    """
    a about above after again against all also am an and any anymore are as at be because
    been before being below between both but by can could did do does doing done during each
    either else even ever every few for from further had has have having he her here hers
    herself him himself his how i if in into is it its itself me more most much must my
    myself nor not of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they
    this those through to too until up us very was we were what when where which while who
    whom why will with would you your yours yourself yourselves
    """
)

# Words a searcher adds that say little about which service is wanted; searched only as part
# of a phrase, never on their own.
QUERY_NOISE: frozenset[str] = _word_set(
    """
    help helps helping support supports service services want wants wanted looking look find
    need needs needed feel feeling feels felt think thinking please bit lately always really
    just get gets getting got go goes going keep keeps know like lot lots now right still
    someone something anyone anything everything thing things way near nearby local area
    available anybody somebody today time times day days week weeks month months year years
    ago old every
    """
)

# Contractions as people type them, with or without the apostrophe (already removed).
CONTRACTIONS: dict[str, str] = {
    "dont": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "cant": "can not",
    "cannot": "can not",
    "couldnt": "could not",
    "wont": "will not",
    "wouldnt": "would not",
    "shouldnt": "should not",
    "isnt": "is not",
    "arent": "are not",
    "wasnt": "was not",
    "werent": "were not",
    "havent": "have not",
    "hasnt": "has not",
    "hadnt": "had not",
    "aint": "am not",
    "im": "i am",
    "ive": "i have",
    "youre": "you are",
    "hes": "he is",
    "shes": "she is",
    "theyre": "they are",
    "whats": "what is",
    "thats": "that is",
    "theres": "there is",
    "wheres": "where is",
    "whos": "who is",
    "hows": "how is",
    "wanna": "want to",
    "gonna": "going to",
    "gotta": "got to",
    "dunno": "do not know",
    "cba": "can not be bothered",
    "idk": "i do not know",
}

# Misspellings, American spellings and variant forms -> the form services are written in.
# Applied to both queries and service text.
SPELLING_VARIANTS: dict[str, str] = {
    # anxiety and depression
    "anxity": "anxiety",
    "anxeity": "anxiety",
    "anxiaty": "anxiety",
    "anziety": "anxiety",
    "axiety": "anxiety",
    "anxietey": "anxiety",
    "anxios": "anxious",
    "anxous": "anxious",
    "depresion": "depression",
    "depresson": "depression",
    "deppression": "depression",
    "depressino": "depression",
    "depresed": "depressed",
    "depresssed": "depressed",
    # psychosis and severe mental illness
    "skitzophrenia": "schizophrenia",
    "schitzophrenia": "schizophrenia",
    "scitzophrenia": "schizophrenia",
    "schizophrena": "schizophrenia",
    "schizofrenia": "schizophrenia",
    "skizophrenia": "schizophrenia",
    "sizophrenia": "schizophrenia",
    "shizophrenia": "schizophrenia",
    "skitzo": "schizophrenia",
    "schizo": "schizophrenia",
    "schitzo": "schizophrenia",
    "skitzophrenic": "schizophrenic",
    "schitzophrenic": "schizophrenic",
    "psycosis": "psychosis",
    "sycosis": "psychosis",
    "phycosis": "psychosis",
    "psycotic": "psychotic",
    "sychotic": "psychotic",
    "bipola": "bipolar",
    "biploar": "bipolar",
    "parranoid": "paranoid",
    "paranoyed": "paranoid",
    "paraniod": "paranoid",
    "halucinations": "hallucinations",
    "hallucinating": "hallucinations",
    # eating disorders
    "bulemia": "bulimia",
    "bullimia": "bulimia",
    "bulimea": "bulimia",
    "bulemic": "bulimic",
    "anerexia": "anorexia",
    "anorexica": "anorexia",
    "anorexiya": "anorexia",
    "annorexia": "anorexia",
    # suicide and self-harm
    "sucide": "suicide",
    "suicde": "suicide",
    "suiside": "suicide",
    "suacide": "suicide",
    "suicid": "suicide",
    "sucidal": "suicidal",
    "suicdal": "suicidal",
    "suicidle": "suicidal",
    "suisidal": "suicidal",
    "suacidal": "suicidal",
    "sucicidal": "suicidal",
    "suicidel": "suicidal",
    "selfharm": "self harm",
    "selfharming": "self harming",
    "overdosed": "overdose",
    "overdosing": "overdose",
    "od": "overdose",
    # therapies and professions
    "counseling": "counselling",
    "counceling": "counselling",
    "councelling": "counselling",
    "counciling": "counselling",
    "councilling": "counselling",
    "conselling": "counselling",
    "counselor": "counsellor",
    "councellor": "counsellor",
    "councillor": "counsellor",
    "counsler": "counsellor",
    "theraphy": "therapy",
    "therapie": "therapy",
    "thearpy": "therapy",
    "psycologist": "psychologist",
    "sychologist": "psychologist",
    "sychiatrist": "psychiatrist",
    "pyschiatrist": "psychiatrist",
    "pyschologist": "psychologist",
    "behavior": "behaviour",
    "behavioral": "behavioural",
    "behaviors": "behaviours",
    "center": "centre",
    "program": "programme",
    "programs": "programmes",
    "mom": "mum",
    "moms": "mums",
    "mommy": "mummy",
    "pediatric": "paediatric",
    "organization": "organisation",
    "specialized": "specialised",
    "mentalhealth": "mental health",
    # bereavement and memory
    "bereavment": "bereavement",
    "bereavemnt": "bereavement",
    "berevement": "bereavement",
    "bereavemant": "bereavement",
    "greiving": "grieving",
    "greif": "grief",
    "dimentia": "dementia",
    "demensia": "dementia",
    "dementa": "dementia",
    "altzheimers": "alzheimers",
    "alzhimers": "alzheimers",
    "alzheimer": "alzheimers",
    # loneliness
    "lonliness": "loneliness",
    "lonelyness": "loneliness",
    "lonley": "lonely",
    "lonly": "lonely",
    # substances and gambling
    "alchohol": "alcohol",
    "alcahol": "alcohol",
    "alcohal": "alcohol",
    "alchol": "alcohol",
    "alcholic": "alcoholic",
    "alchoholic": "alcoholic",
    "adiction": "addiction",
    "addicition": "addiction",
    "addicion": "addiction",
    "canabis": "cannabis",
    "cannabus": "cannabis",
    "gamblng": "gambling",
    "gambeling": "gambling",
    "gambleing": "gambling",
    # groups of people
    "lgbt": "lgbtq",
    "lgbtqia": "lgbtq",
    "lgbtqi": "lgbtq",
    "lgbtqiaplus": "lgbtq",
    "lgb": "lgbtq",
    "glbt": "lgbtq",
    "vetrans": "veterans",
    "veterens": "veterans",
    "vetran": "veteran",
    "autisim": "autism",
    "austism": "autism",
    "autisum": "autism",
    "aspergers": "autism",
    "asperger": "autism",
    "aspies": "autism",
    "aspie": "autism",
    "teens": "teenagers",
    "teen": "teenager",
    "kiddie": "child",
    "kiddies": "children",
    "yrs": "years",
    "yr": "year",
    "domestik": "domestic",
    "postnatel": "postnatal",
    "postnatle": "postnatal",
    "postpartum": "postnatal",
    "perinatel": "perinatal",
    "pregnent": "pregnant",
    "pregnacy": "pregnancy",
    "wellness": "wellbeing",
    "advise": "advice",
    "crises": "crisis",
    "crisi": "crisis",
    "crysis": "crisis",
}

# Word families searched as one word: different forms of the same need, which a suffix
# stripper cannot join ("anxious" and "anxiety"). Applied to services and queries alike.
WORD_FAMILIES: dict[str, str] = {
    "anxious": "anxiety",
    "anxieties": "anxiety",
    "depressed": "depression",
    "depressive": "depression",
    "depressing": "depression",
    "lonely": "loneliness",
    "suicidal": "suicide",
    "suicides": "suicide",
    "bereaved": "bereavement",
    "grieving": "grief",
    "grieve": "grief",
    "addicted": "addiction",
    "addictive": "addiction",
    "autistic": "autism",
    "psychotic": "psychosis",
    "paranoid": "paranoia",
    "traumatic": "trauma",
    "traumatised": "trauma",
    "traumatized": "trauma",
    "stressed": "stress",
    "stressful": "stress",
    "panicky": "panic",
    "panicking": "panic",
    "angry": "anger",
    "anorexic": "anorexia",
    "bulimic": "bulimia",
    "schizophrenic": "schizophrenia",
    "alcoholic": "alcohol",
    "alcoholism": "alcohol",
    "gambler": "gambling",
    "gamblers": "gambling",
    "gamble": "gambling",
    "homelessness": "homeless",
    "isolated": "isolation",
    "worried": "worry",
    "worrying": "worry",
    "worries": "worry",
    "counsellor": "counselling",
    "counsellors": "counselling",
    "therapist": "therapy",
    "therapists": "therapy",
    "therapeutic": "therapy",
    "befriender": "befriending",
    "befrienders": "befriending",
    "befriend": "befriending",
    "obsessive": "ocd",
    "psychiatric": "psychiatry",
    "psychiatrist": "psychiatry",
    "psychiatrists": "psychiatry",
    "gay": "lgbtq",
    "lesbian": "lgbtq",
    "bisexual": "lgbtq",
    "queer": "lgbtq",
    "transgender": "trans",
    "veteran": "veterans",
    "teenage": "teenager",
    "teenagers": "teenager",
    "adolescent": "teenager",
    "adolescents": "teenager",
    "kids": "children",
    "kid": "children",
    "child": "children",
    "dads": "fathers",
    "dad": "fathers",
    "father": "fathers",
    "mums": "mothers",
    "mum": "mothers",
    "mother": "mothers",
    "bullied": "bullying",
    "bully": "bullying",
    "hallucinations": "hallucination",
    "refugee": "refugees",
    "student": "students",
    "carer": "carers",
    "parent": "parents",
    "parenting": "parents",
    "man": "men",
    "male": "men",
    "woman": "women",
    "female": "women",
    "womens": "women",
    "mens": "men",
    "drinking": "drink",
    "drinks": "drink",
    "drunk": "drink",
    "drugs": "drug",
    "sleeping": "sleep",
    "insomnia": "sleep",
}

# Words the suffix stripper would confuse with another word, with the stem to use instead.
STEM_EXCEPTIONS: dict[str, str] = {
    "forces": "forces",
    "force": "forces",
    "forced": "forced",
    "refuge": "refuge",
    "refuges": "refuge",
    "several": "several",
    "severe": "severe",
    "severely": "severe",
    "news": "news",
    "series": "series",
    "species": "species",
    "bus": "bus",
    "informal": "informal",
    "informed": "informed",
    "killed": "killed",  # a death, not a threat: "killed himself" is not "kill himself"
}

# Two tokens people sometimes split or join; joined to match service text.
MERGES: dict[tuple[str, str], str] = {
    ("post", "natal"): "postnatal",
    ("ante", "natal"): "antenatal",
    ("peri", "natal"): "perinatal",
    ("post", "partum"): "postnatal",
    ("bi", "polar"): "bipolar",
    ("by", "polar"): "bipolar",
    ("well", "being"): "wellbeing",
    ("non", "binary"): "nonbinary",
    ("sign", "post"): "signpost",
    ("life", "line"): "lifeline",
    ("help", "line"): "helpline",
    ("text", "line"): "textline",
    ("alz", "heimers"): "alzheimers",
    ("home", "less"): "homeless",
    ("care", "giver"): "carer",
    ("care", "givers"): "carers",
    ("my", "self"): "myself",
    ("him", "self"): "himself",
    ("her", "self"): "herself",
    ("them", "selves"): "themselves",
}

_RELATIVES = (
    "mum",
    "mam",
    "mother",
    "dad",
    "father",
    "wife",
    "husband",
    "partner",
    "son",
    "daughter",
    "child",
    "baby",
    "brother",
    "sister",
    "nan",
    "nana",
    "gran",
    "grandma",
    "grandad",
    "grandpa",
    "grandmother",
    "grandfather",
    "friend",
    "best friend",
    "boyfriend",
    "girlfriend",
    "fiance",
    "twin",
    "auntie",
    "uncle",
    "cousin",
    "parent",
    "parents",
)


def _phrases(text: str) -> tuple[str, ...]:
    """Comma-separated phrases as a tuple, so long phrase lists stay readable."""
    return tuple(" ".join(phrase.split()) for phrase in text.split(",") if phrase.strip())


def _with_relatives(*patterns: str) -> tuple[str, ...]:
    """Expand each ``{rel}`` pattern for every close relationship."""
    return tuple(pattern.format(rel=rel) for pattern, rel in product(patterns, _RELATIVES))


_YOUNG_PERSON = ("son", "daughter", "child", "kid", "kids", "children", "teenager", "boy", "girl")

_TALKING = ("talking therapies", "talking therapy", "counselling", "psychological therapy")

CONCEPTS: tuple[Concept, ...] = (
    Concept(
        "depression",
        triggers=_phrases(
            """
            can not be arsed, could not be arsed, what is the point, no point in
            anything, hate my life, life is pointless, down in the dumps, gutted, low
            all the time, joyless, nothing to look forward to, depression, depressed,
            depressive, low mood, feeling low, feel low, so low, feeling down, feel
            down, really down, been down, so down, down all the time, sad, sadness,
            unhappy, miserable, fed up, hopeless, hopelessness, no hope, no motivation,
            unmotivated, not motivated, can not be bothered, could not be bothered, no
            energy, no interest, lost interest, nothing matters, pointless, empty
            inside, feel empty, feel numb, feel nothing, numb, tearful, keep crying, can
            not stop crying, crying all the time, can not get out of bed, stay in bed
            all day, dark place, in a dark place, blues, in a rut, worthless, struggling
            to cope, can not cope, not coping
            """
        ),
        core=("depression", "low mood", "feeling low", "feeling down", "depressed"),
        related=_TALKING,
    ),
    Concept(
        "anxiety",
        triggers=_phrases(
            """
            agoraphobia, agoraphobic, can not leave the house, scared to go out, afraid
            to go out, tense all the time, butterflies, dread, dreading, anxiety,
            anxious, anxieties, nervous, nerves, on edge, worried all the time, worry
            all the time, worrying all the time, worry about everything, worrying about
            everything, worry a lot, constant worry, constantly worried, always worried,
            worrier, can not switch off, can not relax, overthinking, overthink, racing
            thoughts, mind racing, scared all the time, on edge all the time, fear,
            fears, phobia, phobias, social anxiety, health anxiety, gad
            """
        ),
        core=("anxiety", "anxious", "worry", "worries"),
        related=_TALKING,
    ),
    Concept(
        "panic",
        triggers=_phrases(
            """
            panic, panicking, panicky, panic attack, panic attacks, heart racing, heart
            pounding, can not breathe, could not breathe, hyperventilating, think i am
            dying, thought i was dying, feel like i am dying, going to die, going to
            faint
            """
        ),
        core=("panic", "panic attacks", "panic disorder", "anxiety"),
        related=_TALKING,
    ),
    Concept(
        "wellbeing",
        triggers=_phrases(
            """
            struggling with my head, my head is a mess, head all over the place, not
            right in the head, not myself, not feeling myself, not in a good place,
            struggling mentally, mental health is bad, mental health problems, losing my
            mind, going mad, cracking up, breakdown, nervous breakdown, mental
            breakdown, emotional support, wellbeing
            """
        ),
        core=("wellbeing", "emotional support", "mental health", "mental distress"),
        related=("drop in", "talking therapies", "counselling", "listening"),
    ),
    Concept(
        "stress",
        triggers=_phrases(
            """
            doing my head in, knackered, stressed out, at breaking point, stress,
            stressed, stressful, overwhelmed, overwhelming, under pressure, pressure,
            frazzled, burnt out, burned out, burnout, exhausted, at the end of my tether
            """
        ),
        core=("stress", "overwhelmed", "burnout"),
        related=("wellbeing", "stress control"),
    ),
    Concept(
        "sleep",
        triggers=_phrases(
            """
            sleep, sleeping, insomnia, can not sleep, struggling to sleep, not sleeping,
            awake all night, sleepless
            """
        ),
        core=("sleep", "insomnia"),
        related=("stress", "worry"),
    ),
    Concept(
        "psychosis",
        triggers=_phrases(
            """
            early intervention, psychosis, psychotic, hearing voices, hear voices,
            voices in my head, voices, seeing things, see things, hallucinations,
            hallucinate, delusions, delusional, paranoid, paranoia, people are watching
            me, being watched, being followed, following me, people are after me, first
            episode, fep, eip, schizophrenia, schizophrenic, schizoaffective, losing
            touch with reality, lost touch with reality
            """
        ),
        core=("psychosis", "hearing voices", "schizophrenia", "paranoid", "early intervention"),
        related=("severe mental illness", "serious mental illness"),
    ),
    Concept(
        "bipolar",
        triggers=_phrases(
            """
            bipolar, manic, mania, hypomania, manic depression, mood swings, highs and
            lows
            """
        ),
        core=("bipolar", "mood"),
        related=("severe mental illness", "serious mental illness"),
    ),
    Concept(
        "eating",
        triggers=_phrases(
            """
            body dysmorphia, bdd, hate my body, weight loss, lost weight, purge, eating
            disorder, eating disorders, eating problems, eating problem, eating
            difficulties, disordered eating, not eating, stopped eating, stop eating,
            will not eat, refuses to eat, refusing to eat, refusing food, skipping
            meals, starving myself, starving herself, starving himself, anorexia,
            anorexic, bulimia, bulimic, binge, binges, binging, bingeing, binge eating,
            comfort eating, overeating, make myself sick, making myself sick, makes
            herself sick, throwing up after eating, purging, obsessed with weight,
            counting calories, body image, arfid, osfed, ednos
            """
        ),
        core=("eating disorder", "eating disorders", "anorexia", "bulimia", "binge eating"),
        related=("eating difficulties", "body image"),
    ),
    Concept(
        "self_harm",
        triggers=_phrases(
            """
            self harm, self harming, self harmer, self injury, cutting, cut myself,
            cutting myself, cutting herself, cutting himself, cuts herself, cuts
            himself, burning myself, hurting myself, hurt myself, hurting herself,
            hurting himself, harming myself, harm myself, scratching myself, urges to
            hurt
            """
        ),
        core=("self harm", "self harming", "hurt themselves"),
        related=("harm minimisation", "coping strategies"),
    ),
    Concept(
        "suicide",
        triggers=_phrases(
            """
            suicide, suicidal, kill myself, killing myself, end my life, ending my life,
            end it all, take my own life, want to die, better off dead, do not want to
            be alive, do not want to live, do not want to be here, not want to be alive,
            no reason to live, can not go on, overdose, kill himself, kill herself, kill
            themselves, suicide note, saying goodbye
            """
        ),
        core=("suicide", "suicidal", "suicidal thoughts", "thoughts of suicide", "crisis"),
        related=("suicide prevention", "crisis line", "helpline", "24 hours", "urgent"),
    ),
    Concept(
        "crisis",
        triggers=_phrases(
            """
            crisis, emergency, urgent, urgently, right now, tonight, middle of the
            night, 3am, 2am, 4am, breaking point, at risk, can not cope, falling apart,
            kicking off, out of control
            """
        ),
        core=("crisis", "urgent", "crisis team"),
        related=("24 hours", "any time", "night", "helpline"),
    ),
    Concept(
        "hospital_alternative",
        triggers=_phrases(
            """
            alternative to hospital, avoid admission, avoid hospital, hospital
            admission, admission, crisis house, crisis bed, home treatment, crisis
            resolution, crht, hometreatment, inpatient
            """
        ),
        core=("alternative to hospital", "hospital admission", "home treatment", "crisis house"),
        related=("crisis resolution", "crisis team"),
    ),
    Concept(
        "listening",
        triggers=_phrases(
            """
            listening, listen, someone to talk to, talk to someone, somebody to talk to,
            need to talk, just want to talk, someone to listen, listen to me, vent,
            chat, nobody to talk to, no one to talk to
            """
        ),
        core=("listen", "talk", "listening", "someone to talk to"),
        related=("helpline", "counselling", "confidential"),
    ),
    Concept(
        "counselling",
        triggers=_phrases(
            """
            psychological therapy, psychological therapies, counselling, counsellor,
            counsellors, therapist, therapy, talking therapy, talking therapies,
            psychotherapy, psychologist, iapt, talk therapy
            """
        ),
        core=("counselling", "counsellor", "talking therapies", "therapy", "psychological therapy"),
        related=("talking",),
    ),
    Concept(
        "cbt",
        triggers=("cbt", "cognitive behavioural therapy", "cognitive behaviour therapy"),
        core=("cbt", "cognitive behavioural therapy"),
        related=_TALKING,
    ),
    Concept(
        "dbt",
        triggers=("dbt", "dialectical behaviour therapy", "dialectical behavioural therapy"),
        core=("dbt", "dialectical behaviour therapy"),
        related=("personality disorder", "complex emotional needs"),
    ),
    Concept(
        "mindfulness",
        triggers=_phrases(
            """
            mindfulness, mindful, mbct, meditation
            """
        ),
        core=("mindfulness", "mbct", "mindfulness based cognitive therapy"),
    ),
    Concept(
        "personality",
        triggers=_phrases(
            """
            eupd, bpd, borderline, emotionally unstable, personality disorder, complex
            emotional needs, cen
            """
        ),
        core=(
            "personality disorder",
            "emotionally unstable",
            "borderline personality",
            "complex emotional needs",
        ),
        related=("dbt", "dialectical behaviour therapy"),
    ),
    Concept(
        "trauma",
        triggers=_phrases(
            """
            ptsd, cptsd, post traumatic stress, post traumatic, trauma, traumatic,
            traumatised, flashbacks, flashback, nightmares, nightmare, jumpy,
            hypervigilant, reminds me of, can not stop thinking about it, intrusive
            memories, accident, crash, was attacked, been attacked, got attacked, was
            assaulted, been assaulted, mugged, emdr
            """
        ),
        core=("trauma", "ptsd", "post traumatic stress disorder", "emdr"),
        related=_TALKING,
    ),
    Concept(
        "ocd",
        triggers=_phrases(
            """
            washing my hands, wash my hands, keep washing, keep checking, checking the
            door, counting things, germs, contaminated, intrusive, ocd, obsessive,
            compulsive, obsessions, compulsions, intrusive thoughts, rituals, checking
            things, hand washing, contamination
            """
        ),
        core=("ocd", "obsessive compulsive disorder", "intrusive thoughts"),
        related=("anxiety", *_TALKING),
    ),
    Concept(
        "anger",
        triggers=_phrases(
            """
            mardy, lashing out, violent outbursts, anger, angry, rage, temper, lose my
            temper, losing my temper, snapping, snap at, irritable, irritability, lose
            it, losing it, fly off the handle, aggressive, aggression, shouting
            """
        ),
        core=("anger", "irritability", "anger management"),
        related=("stress", "calm"),
    ),
    Concept(
        "self_esteem",
        triggers=_phrases(
            """
            hate myself, self esteem, low self esteem, no confidence, lost confidence,
            confidence, not good enough, ugly, worthless, useless, failure
            """
        ),
        core=("self esteem", "confidence"),
        related=("low mood",),
    ),
    Concept(
        "alcohol",
        triggers=_phrases(
            """
            getting smashed, getting pissed, on the lash, bevvies, binge drink, alcohol,
            alcoholic, alcoholism, drinking, drink, drinks, drunk, booze, boozing, binge
            drinking, hangover, hungover, wine every night, drinking too much, drink too
            much, cut down, detox, sober, sobriety
            """
        ),
        core=("alcohol", "drinking", "drug and alcohol"),
        related=("recovery", "addiction", "substance"),
    ),
    Concept(
        "drugs",
        triggers=_phrases(
            """
            off my head, gear, charlie, ket, sniffing, legal highs, porn addiction, sex
            addiction, gaming addiction, drug, drugs, cannabis, weed, skunk, cocaine,
            coke, crack, heroin, spice, ketamine, mdma, ecstasy, vaping, vapes, nitrous,
            addiction, addicted, substance, substance misuse, substance use, dual
            diagnosis, relapse
            """
        ),
        core=("drugs", "drug and alcohol", "substance", "addiction"),
        related=("recovery", "harm reduction", "dual diagnosis"),
    ),
    Concept(
        "gambling",
        triggers=_phrases(
            """
            gaming addiction, loot box, gambling, gamble, gambler, betting, bets,
            bookies, slots, casino, casinos, scratchcards, fruit machines, online
            betting, loot boxes
            """
        ),
        core=("gambling", "gambling harm", "betting"),
        related=("debt", "money"),
    ),
    Concept(
        "bereavement",
        triggers=(
            *_phrases(
                """
                is dying, was dying, who is dying, dying of, terminally ill,
                terminal illness, end of life, palliative, hospice, anticipatory
                grief, bereavement, bereaved, grief, grieving, griefs, mourning,
                widow, widowed, widower, passed away, passed on, died, death,
                funeral, lost someone, lost a loved one
                """
            ),
            *_with_relatives(
                "lost my {rel}",
                "my {rel} died",
                "my {rel} passed",
                "death of my {rel}",
                "since my {rel} died",
            ),
        ),
        core=("bereavement", "bereaved", "grief", "death of someone", "loss"),
        related=("after a death", "lost someone"),
    ),
    Concept(
        "baby_loss",
        triggers=_phrases(
            """
            miscarriage, miscarried, stillbirth, stillborn, lost my baby, lost the baby,
            lost our baby, baby died, ectopic, baby loss, neonatal death
            """
        ),
        core=("baby loss", "miscarriage", "stillbirth"),
        related=("bereavement", "perinatal"),
    ),
    Concept(
        "suicide_bereavement",
        triggers=_phrases(
            """
            bereaved by suicide, lost to suicide, died by suicide, after suicide,
            suicide loss, suicide bereavement, killed himself, killed herself, took his
            own life, took her own life, took their own life
            """
        ),
        core=("suicide bereavement", "bereaved by suicide", "affected by suicide"),
        related=("bereavement",),
    ),
    Concept(
        "perinatal",
        triggers=_phrases(
            """
            perinatal, postnatal, antenatal, pregnant, pregnancy, expecting a baby, just
            had a baby, had a baby, new baby, newborn, new mum, new mother, new parent,
            baby blues, after giving birth, after birth, giving birth, birth trauma,
            traumatic birth, childbirth, maternity, bond with my baby, bonding with my
            baby, can not bond, feel nothing for my baby, feel nothing for her, feel
            nothing for him, health visitor, midwife
            """
        ),
        core=("perinatal", "postnatal", "pregnancy", "after birth", "new baby"),
        related=("mums", "parents", "baby"),
    ),
    Concept(
        "new_dads",
        triggers=_phrases(
            """
            new dads, new dad, new father, becoming a dad, expectant father, dad to be
            """
        ),
        core=("new dads", "dads", "fathers"),
        related=("perinatal",),
    ),
    Concept(
        "memory",
        triggers=_phrases(
            """
            dementia, alzheimers, memory, memory loss, memory problems, forgetting
            things, forgetful, keeps forgetting, forgets things, getting lost, confused,
            confusion, vascular dementia
            """
        ),
        core=("dementia", "memory", "memory problems", "memory assessment"),
        related=("older people", "older adults", "carers"),
    ),
    Concept(
        "older",
        triggers=_phrases(
            """
            older people, older adults, elderly, older, old age, pensioner, pensioners,
            oap, retired, retirement, grandparent, grandma, grandad, nan, gran, later
            life, over 60s, over 65s
            """
        ),
        core=("older people", "older adults", "older"),
        related=("later life",),
    ),
    Concept(
        "loneliness",
        triggers=_phrases(
            """
            lonely, loneliness, isolated, isolation, alone, all alone, on my own, no
            friends, no one to talk to, nobody to talk to, do not see anyone, never see
            anyone, cut off, nobody understands me, no one understands me, befriending,
            befriender, company, companionship, friendship, make friends, meet people
            """
        ),
        core=("loneliness", "lonely", "isolated", "befriending", "company"),
        related=("friendship", "social", "meet people"),
    ),
    Concept(
        "domestic_abuse",
        triggers=_phrases(
            """
            forced marriage, honour based abuse, honour based violence, so called
            honour, fgm, controlling partner, jealous partner, domestic abuse, domestic
            violence, dv, coercive control, coercive, controlling, controls my money,
            controls me, checks my phone, will not let me see my friends, will not let
            me, hits me, hit me, beats me, abusive relationship, abusive partner,
            violent partner, scared of my partner, scared of my husband, scared of my
            boyfriend, scared of my wife, gaslighting, stalking, stalked, threatens me,
            refuge, idva, marac
            """
        ),
        core=("domestic abuse", "domestic violence", "coercive control", "abuse"),
        related=("safety planning", "refuge", "idva"),
    ),
    Concept(
        "sexual_violence",
        triggers=_phrases(
            """
            grooming, groomed, exploitation, exploited, sextortion, nudes, revenge porn,
            spiked, fgm, rape, raped, sexual assault, sexually assaulted, sexual abuse,
            sexually abused, sexual violence, abused as a child, childhood abuse,
            molested, groped, isva, non consensual
            """
        ),
        core=("sexual violence", "rape", "sexual assault", "sexual abuse"),
        related=("trauma", "isva", "survivors"),
    ),
    Concept(
        "debt",
        triggers=_phrases(
            """
            money advice, debt advice, debt, debts, in debt, skint, broke, brassic,
            money worries, worried about money, worrying about money, worry about money,
            money problems, money troubles, bills, bills piling up, arrears, can not
            pay, can not afford, behind on rent, behind on bills, bailiffs, benefits,
            universal credit, pip, council tax, payday loan, loans, overdrawn, cost of
            living, no money, poverty, food bank
            """
        ),
        core=("debt", "debt advice", "money", "money advice", "benefits"),
        related=("budgeting", "arrears"),
    ),
    Concept(
        "housing",
        triggers=_phrases(
            """
            homeless, homelessness, sleeping rough, rough sleeping, rough sleeper,
            sleeping on the streets, on the streets, living on the street, sofa surfing,
            kicked out, evicted, eviction, lose the house, lose my house, lose my home,
            losing my home, losing the house, nowhere to live, nowhere to stay, no fixed
            abode, hostel, landlord, rent, tenancy, housing
            """
        ),
        core=("housing", "homeless", "homelessness", "tenancy", "rent arrears"),
        related=("sleeping rough", "accommodation"),
    ),
    Concept(
        "employment",
        triggers=_phrases(
            """
            lost my job, losing my job, unemployed, unemployment, redundant, redundancy,
            sacked, fired, job, at work, my work, off work, out of work, workplace,
            employer, boss, off sick, sick leave, back to work, employment
            """
        ),
        core=("employment", "work", "job"),
        related=("money", "debt advice"),
    ),
    Concept(
        "job_loss_money",
        triggers=_phrases(
            """
            lost my job, losing my job, made redundant, redundancy, unemployed
            """
        ),
        core=("money", "debt", "benefits", "money advice"),
        related=("housing",),
    ),
    Concept(
        "carers",
        triggers=_phrases(
            """
            caring, carer, carers, caring for, i care for, care for my, look after my,
            looking after my, i look after, young carer, unpaid carer, caring role
            """
        ),
        core=("carers", "carer", "caring", "looking after"),
        related=("family", "carers assessment"),
    ),
    Concept(
        "someone_else",
        triggers=_phrases(
            """
            my brother, my sister, my friend, my partner, my husband, my wife, my
            boyfriend, my girlfriend, my mum, my dad, my mother, my father, my son, my
            daughter, my child, worried about my, worried about someone, for someone
            else, a family member, a relative
            """
        ),
        core=("family", "carers", "someone else", "worried about someone"),
        related=("friends and family", "relatives"),
    ),
    Concept(
        "young_people",
        triggers=(
            *_phrases(
                """
                teenager, teenagers, teenage, adolescent, adolescents, young person,
                young people, youth, child, children, kid, kids, boy, girl, under
                18, under 18s, under 16, under 16s, under 25, under 25s, camhs, year
                7, year 9, year 11, sixth form, secondary school, primary school
                """
            ),
            *tuple(f"my {who}" for who in _YOUNG_PERSON),
        ),
        core=("young people", "children", "children and young people", "teenagers", "youth"),
        related=("camhs", "young"),
    ),
    Concept(
        "parents",
        triggers=(
            *_phrases(
                """
                parent, parents, parenting, as a parent, my kids, my children
                """
            ),
            *tuple(f"my {who}" for who in _YOUNG_PERSON),
        ),
        core=("parents", "parenting", "family support", "families"),
        related=("carers",),
    ),
    Concept(
        "school",
        triggers=_phrases(
            """
            school refusal, school avoidance, ebsa, refusing to go to school,
            cyberbullying, cyber bullying, exam stress, gcse, gcses, a levels, school,
            schools, bullied, bullying, bully, exams, exam, teacher, teachers, senco,
            pupil, pupils, classroom, school refusal, will not go to school
            """
        ),
        core=("schools", "school", "pupils", "bullying"),
        related=("young people", "education"),
    ),
    Concept(
        "students",
        triggers=_phrases(
            """
            student, students, uni, university, college, deadlines, dissertation,
            dropping out, drop out, freshers, lecturer, coursework, exams
            """
        ),
        core=("students", "student", "university", "college"),
        related=("student wellbeing",),
    ),
    Concept(
        "lgbtq",
        triggers=_phrases(
            """
            lgbtq, gay, lesbian, bisexual, bi, trans, transgender, nonbinary, enby,
            queer, questioning, coming out, came out, homophobia, homophobic,
            transphobia, gender identity, sexuality, sexual orientation, gender
            dysphoria
            """
        ),
        core=("lgbtq", "gay", "lesbian", "bisexual", "trans", "coming out"),
        related=("gender identity", "sexuality"),
    ),
    Concept(
        "veterans",
        triggers=_phrases(
            """
            service leavers, veteran, veterans, ex forces, ex army, ex military, army,
            soldier, soldiers, military, armed forces, forces, navy, raf, marines,
            served, service leaver, afghanistan, iraq, deployed, combat
            """
        ),
        core=("veterans", "armed forces", "military", "service leavers"),
        related=("ptsd",),
    ),
    Concept(
        "men",
        triggers=_phrases(
            """
            men, mens, man, male, males, lads, blokes, bloke, guys
            """
        ),
        core=("men", "mens", "male"),
        related=("talk shed", "mens health"),
    ),
    Concept(
        "women",
        triggers=_phrases(
            """
            women, womens, woman, female, ladies, mums, mothers
            """
        ),
        core=("women", "womens", "female"),
    ),
    Concept(
        "neurodiversity",
        triggers=_phrases(
            """
            tics, tourettes, tourette, dyspraxia, autism, autistic, asd, asc, adhd,
            neurodivergent, neurodiverse, neurodiversity, neurodevelopmental, sensory
            overload, meltdowns, masking
            """
        ),
        core=("autism", "autistic", "adhd", "neurodevelopmental"),
        related=("assessment", "diagnosis"),
    ),
    Concept(
        "learning_disability",
        triggers=_phrases(
            """
            learning disability, learning disabilities, learning difficulties, learning
            difficulty, down syndrome
            """
        ),
        core=("learning disability", "learning disabilities"),
        related=("easy read",),
    ),
    Concept(
        "deaf",
        triggers=_phrases(
            """
            deaf, bsl, british sign language, sign language, hard of hearing, hearing
            impaired, hearing loss, signing
            """
        ),
        core=("deaf", "bsl", "british sign language", "sign language"),
    ),
    Concept(
        "south_asian",
        triggers=_phrases(
            """
            urdu, punjabi, hindi, bengali, bangla, gujarati, sylheti, pashto, mirpuri,
            tamil, south asian, asian, pakistani, indian, bangladeshi, sikh, hindu
            """
        ),
        core=("south asian", "asian", "community languages", "culturally specific"),
        related=("interpreter", "language"),
    ),
    Concept(
        "east_asian",
        triggers=_phrases(
            """
            chinese, mandarin, cantonese, east asian, vietnamese, korean, japanese
            """
        ),
        core=("chinese", "east asian", "mandarin", "cantonese", "culturally specific"),
        related=("interpreter", "language"),
    ),
    Concept(
        "eastern_european",
        triggers=_phrases(
            """
            polish, romanian, lithuanian, latvian, slovak, czech, bulgarian, ukrainian,
            russian, eastern european, hungarian
            """
        ),
        core=("polish", "eastern european", "culturally specific"),
        related=("interpreter", "language"),
    ),
    Concept(
        "african_caribbean",
        triggers=_phrases(
            """
            hate crime, discrimination, black, african, caribbean, afro caribbean,
            somali, nigerian, ghanaian, racism, racist, racial
            """
        ),
        core=("african", "caribbean", "black", "culturally specific"),
        related=("racism",),
    ),
    Concept(
        "language",
        triggers=_phrases(
            """
            languages, community languages, interpreter, translator, translation,
            language, english is not my first language, no english, not much english,
            arabic, farsi, kurdish, tigrinya, portuguese, spanish, french
            """
        ),
        core=("languages", "interpreter", "community languages"),
        related=("culturally specific",),
    ),
    Concept(
        "refugees",
        triggers=_phrases(
            """
            refugee, refugees, asylum, asylum seeker, asylum seekers, migrant, fled, war
            """
        ),
        core=("refugees", "asylum seekers", "asylum"),
        related=("trauma", "culturally specific"),
    ),
    Concept(
        "professional",
        triggers=_phrases(
            """
            professionals, professional referral, refer, referral, referrals, referring,
            pathway, patient, patients, client, clients, service user, caseload, gp,
            social worker, health visitor, senco, school nurse, midwife, practitioner,
            clinician, professional, nurse, psychiatrist, care coordinator, signpost
            """
        ),
        core=("referral", "refer", "professional referral", "professionals"),
        related=("gp",),
    ),
    Concept(
        "advocacy",
        triggers=_phrases(
            """
            amhp, mental health act assessment, nearest relative, advocacy, advocate,
            imha, imca, sectioned, section 2, section 3, detained, mental health act,
            tribunal, my rights, community treatment order, cto
            """
        ),
        core=("advocacy", "advocate", "mental health act", "detained"),
        related=("rights",),
    ),
    Concept(
        "community_team",
        triggers=_phrases(
            """
            cpn, community psychiatric nurse, care coordinator, psychiatric nurse, cmht,
            community mental health team, secondary care, care coordination
            """
        ),
        core=("community mental health team", "secondary care"),
    ),
    Concept(
        "peer_support",
        triggers=_phrases(
            """
            group, groups, support group, peer support, peer, peers, meet others, others
            who understand, people like me, people who understand, people who get it,
            lived experience, drop in, share experiences
            """
        ),
        core=("peer support", "group", "groups", "lived experience"),
    ),
    Concept(
        "physical_activity",
        triggers=_phrases(
            """
            physical activity, exercise, walking, walk, walks, gym, sport, football,
            running, outdoors, nature, gardening, garden, allotment, fresh air, get
            active, fitness, yoga
            """
        ),
        core=("physical activity", "walking", "nature", "exercise"),
    ),
    Concept(
        "social_prescribing",
        triggers=_phrases(
            """
            art, arts, music, crafts, creative, volunteering, link workers, social
            prescribing, social prescriber, link worker, community activities, something
            to do, get out of the house, hobbies, activities
            """
        ),
        core=("social prescribing", "link workers", "community activities"),
    ),
    Concept(
        "information",
        triggers=_phrases(
            """
            information, advice, is it normal, is this normal, what do i do, what should
            i do, where do i start, signposting, medication, side effects
            """
        ),
        core=("information", "advice", "signposting"),
    ),
    Concept(
        "menopause",
        triggers=_phrases(
            """
            menopause, perimenopause, hot flushes, menopausal, hrt
            """
        ),
        core=("menopause", "perimenopause"),
        related=("women",),
    ),
    Concept(
        "hoarding",
        triggers=_phrases(
            """
            hoarding, hoarder, hoard, clutter, cluttered, can not throw
            """
        ),
        core=("hoarding", "clutter"),
    ),
    Concept(
        "long_term_conditions",
        triggers=_phrases(
            """
            long term conditions, chronic pain, long term condition, long term illness,
            diabetes, long covid, copd, chronic fatigue, fibromyalgia, heart disease,
            ibs, cancer, disabled, disability, chronic illness
            """
        ),
        core=("long term conditions", "physical health", "long term physical health condition"),
    ),
    Concept(
        "relationships",
        triggers=_phrases(
            """
            family problems, relationship, relationships, break up, breakup, broke up,
            divorce, divorced, separated, split up, marriage, family arguments, arguing
            """
        ),
        core=("relationship", "relationships", "family problems"),
        related=("couples",),
    ),
    Concept(
        "online",
        triggers=_phrases(
            """
            online, webchat, web chat, chat online, app, video, email
            """
        ),
        core=("online", "webchat", "chat"),
    ),
    Concept(
        "phone",
        triggers=_phrases(
            """
            phone, call, ring, helpline, phone line, telephone, text
            """
        ),
        core=("telephone", "helpline", "phone", "call"),
    ),
    Concept(
        "free",
        triggers=_phrases(
            """
            free, no cost, cheap, affordable, can not afford therapy
            """
        ),
        core=("free",),
    ),
)

# Concepts that name who a service is for. A service for one of these groups ranks a little
# lower when the query does not mention the group: a general query wants general services.
AUDIENCES: frozenset[str] = frozenset(
    {
        "young_people",
        "parents",
        "perinatal",
        "new_dads",
        "older",
        "carers",
        "students",
        "veterans",
        "men",
        "women",
        "lgbtq",
        "south_asian",
        "east_asian",
        "eastern_european",
        "african_caribbean",
        "deaf",
        "refugees",
        "learning_disability",
        "school",
    }
)

# Groups a need implies even when unnamed: dementia mostly affects older people, a new baby
# means a parent, domestic abuse services are usually run for women or for men.
IMPLIED_AUDIENCES: dict[str, tuple[str, ...]] = {
    "memory": ("older", "carers"),
    "perinatal": ("women", "parents"),
    "baby_loss": ("perinatal", "parents", "women"),
    "new_dads": ("men", "parents", "perinatal"),
    "school": ("young_people", "parents"),
    "young_people": ("parents", "school"),
    "parents": ("young_people",),
    "students": ("young_people",),
    "domestic_abuse": ("women", "men"),
    "loneliness": ("older",),
    "menopause": ("women",),
    "someone_else": ("carers",),
    "veterans": ("men",),
    "south_asian": ("women",),
}

# Concepts that qualify a need (who asks, how to get in touch) rather than state it; their
# expansions count for less so they cannot outweigh the need itself.
CONCEPT_WEIGHTS: dict[str, float] = {
    "wellbeing": 0.6,
    "someone_else": 0.4,
    "parents": 0.5,
    "young_people": 0.6,
    "professional": 0.4,
    "online": 0.4,
    "phone": 0.3,
    "free": 0.4,
    "information": 0.4,
    "peer_support": 0.6,
    "language": 0.6,
    "listening": 0.6,
    "employment": 0.6,
    "job_loss_money": 0.8,
    "crisis": 0.8,
    "men": 0.8,
    "women": 0.8,
}

# Distress plus urgency also means risk: "hopeless ... need someone right now at 3am".
CRISIS_DISTRESS_PHRASES: tuple[str, ...] = _phrases(
    """
    hopeless, desperate, can not cope, can not stop crying, breaking point, falling apart, at
    the end of my tether, can not take it, no point, scared of myself, out of control, losing my
    mind
    """
)
CRISIS_URGENCY_PHRASES: tuple[str, ...] = _phrases(
    """
    right now, now, tonight, immediately, urgent, urgently, asap, middle of the night, 1am, 2am,
    3am, 4am, 5am, emergency
    """
)

# Phrases that mean someone may be at immediate risk. Matched on canonical, unstemmed words so
# "killed himself" (a death, not a risk) is not read as "kill himself".
CRISIS_PHRASES: tuple[str, ...] = _phrases(
    """
    kill myself, killing myself, kill himself, kill herself, kill themselves, end my life,
    ending my life, end my own life, end it all, ending it all, end it, end things, end
    everything, take my own life, take my life, taking my own life, want to die, wanting to die,
    wish i was dead, wish i were dead, better off dead, better off without me, want to be dead,
    not want to be alive, not want to live, not want to be here, not want to wake up, no reason
    to live, nothing to live for, can not go on, can not carry on, can not do this anymore, can
    not take it anymore, can not take any more, no way out, give up on life, giving up on life,
    hurt myself badly, hurt myself, hurting myself, harm myself, harming myself, hang myself,
    hanging myself, jump off, jump in front, slit my wrists, took an overdose, taken an
    overdose, take an overdose, saying goodbye, suicide note, suicidal thoughts, thoughts of
    suicide, close to suicide, near to suicide, thinking about suicide, thinking of suicide,
    considering suicide, contemplating suicide, attempted suicide, attempt suicide, tried to
    kill myself, mental health crisis, in crisis, crisis team, crisis line
    """
)

# Single words that on their own signal risk; typo-tolerant.
CRISIS_WORDS: frozenset[str] = frozenset(
    {"suicide", "suicidal", "overdose", "crisis", "overdosing", "suicidality"}
)

# Everyday words one slip from a risk word: real words, so never read as a typo of one
# ("salt and vinegar crisps" is not "crisis", nor is "criss cross").
CRISIS_LOOKALIKES: frozenset[str] = frozenset({"crisps", "criss"})

# Words that turn "suicide" into a bereavement or professional topic rather than a risk.
CRISIS_CONTEXT_EXCEPTIONS: tuple[str, ...] = _phrases(
    """
    to suicide, by suicide, bereaved by suicide, lost to suicide, died by suicide, death by
    suicide, after suicide, suicide bereavement, suicide loss, bereavement, bereaved, suicide
    prevention training, cost of living crisis, living crisis, housing crisis, financial crisis,
    midlife crisis, rape crisis, crisis loan, crisis loans, crisis fund, mid life crisis,
    identity crisis
    """
)

# Service wording that marks a crisis, suicide or urgent line (for pinning on crisis queries).
CRISIS_SERVICE_WORDS: frozenset[str] = frozenset(
    {"crisis", "suicide", "suicidal", "samaritans", "urgent", "lifeline"}
)

# Service-name words that mark something you can contact directly: a line, text or chat.
HELPLINE_NAME_WORDS: frozenset[str] = frozenset(
    {"helpline", "line", "lifeline", "textline", "text", "chat", "webchat", "call", "111"}
)

# Eligibility wording meaning "anyone can use this".
OPEN_TO_ALL_PHRASES: tuple[str, ...] = ("anyone", "any age", "all ages", "everyone")

# Application wording meaning "you cannot contact this yourself".
REFERRAL_ONLY_PHRASES: tuple[str, ...] = (
    "referral only",
    "not available by self referral",
    "no self referral",
    "professional referral only",
    "gp referral only",
    "cannot refer directly",
)
