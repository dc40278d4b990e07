"""The words for feelings the coach recognises, in Dutch and English.

Role: the lexicon behind app/core/reading.py and the reflections: feelings named as adjectives,
those that read well in "Wat maakte je zo ...?", those that are as often plain description, and
feelings named as nouns.
Must not: hold anything but word lists.
"""

from __future__ import annotations

import re

from app.core.text import wordlist, wordset

# Feelings that fit "Wat maakte je zo ...?" / "What made you so ...?".
FEELINGS = {
    "nl": wordlist(
        "boos kwaad woedend bang angstig verdrietig onzeker gefrustreerd teleurgesteld "
        "machteloos gekwetst geraakt moe gespannen nerveus zenuwachtig geïrriteerd eenzaam "
        "schuldig opgelucht blij trots klein ongemakkelijk onrustig somber leeg uitgeput "
        "opgejaagd beschaamd gestrest radeloos jaloers wanhopig onzeker verward overvallen "
        "ontmoedigd gedemotiveerd ellendig rot verscheurd chagrijnig chagerijnig prikkelbaar "
        "schaam schaamde schaamt pijnlijk gepasseerd genegeerd betrapt "
        "buitengesloten pijn beroerd woest razend pissig nijdig furieus dom stom vernederd "
        "gekrenkt beledigd afgewezen ongerust bezorgd verontwaardigd geschrokken geërgerd "
        "ontroerd dankbaar moedeloos hulpeloos overrompeld miskend onbegrepen verraden "
        "ongelukkig triest verslagen opgelaten gegeneerd kapot"
    ),
    "en": wordlist(
        "angry furious scared afraid anxious sad upset frustrated disappointed helpless hurt "
        "tired exhausted tense nervous irritated lonely guilty relieved happy proud small "
        "embarrassed ashamed confused stressed overwhelmed worried annoyed drained "
        "humiliated invisible useless resentful uneasy awkward insecure gutted flat numb "
        "stupid hollow livid mortified shocked stunned sheepish defensive devastated crushed "
        "betrayed ignored undermined unappreciated exposed foolish rattled shaken panicky "
        "grateful uncomfortable disrespected belittled patronised patronized excluded "
        "jealous miserable heartbroken torn conflicted"
    ),
}
# Feeling words that are just as often plain description ("a small branch", "een stom idee",
# "de printer is kapot"): they count as a feeling only after a verb of feeling or being.
AMBIGUOUS_FEELINGS = frozenset(
    {
        "small",
        "klein",
        "leeg",
        "flat",
        "rot",
        "hard",
        "hurt",
        "dom",
        "stom",
        "kapot",
        "stupid",
        "hollow",
        "exposed",
        "foolish",
        "torn",
        "shaken",
    }
)
# Feelings that read well in "Wat maakte je zo ...?" / "What made you so ...?".
ASKABLE = {
    "nl": wordset(
        "boos kwaad woedend bang angstig verdrietig onzeker gefrustreerd teleurgesteld "
        "machteloos gekwetst moe gespannen nerveus zenuwachtig geïrriteerd eenzaam opgelucht "
        "blij trots ongemakkelijk onrustig somber gestrest radeloos wanhopig chagrijnig "
        "ontmoedigd woest razend nijdig ongerust bezorgd verontwaardigd"
    ),
    "en": wordset(
        "angry furious scared afraid anxious sad upset frustrated disappointed helpless hurt "
        "tired tense nervous irritated lonely relieved happy proud embarrassed ashamed "
        "confused stressed overwhelmed worried annoyed livid defensive uncomfortable miserable"
    ),
}
FEELING_NOUNS = {
    "nl": wordset(
        "schaamte boosheid woede angst verdriet frustratie ongemak onmacht teleurstelling "
        "schuldgevoel opluchting spijt jaloezie onzekerheid machteloosheid trots medelijden "
        "ergernis irritatie paniek wrok schrik spanning kwaadheid onrust stress eenzaamheid "
        "verbazing ongeloof wanhoop onbehagen"
    ),
    "en": wordset(
        "guilt shame anger fear sadness frustration relief disappointment embarrassment "
        "helplessness pride regret pity annoyance irritation panic resentment dread anxiety "
        "tension disbelief humiliation loneliness shock"
    ),
}


# What the feeling is about, said with it: "a bit ashamed if I'm honest, about stomping off".
FEELING_ABOUT = re.compile(
    r"\b(ashamed|embarrassed|guilty|angry|cross|furious|gutted|upset|boos|kwaad|schuldig|"
    r"beschaamd)\b(?:(?!\b(?:feel|felt|voel\w*|talk\w*|prat\w*|which|wat)\b)[^.!?]){0,25}"
    r"\b(about|over)\b",
    re.I,
)
# The feeling the person marks as the main one: "ma vooral schaamte", "mostly embarrassed".
_MAINLY = re.compile(
    r"(?=\b(?:vooral|voornamelijk|mostly|mainly|especially|above all) (\w+))|(?=\b(\w+),? "
    r"(?:vooral|voornamelijk|mostly|mainly)\b)"
)


def main_first(low: str, askable: list[str], lang: str) -> list[str]:
    """The feelings to ask about with the one the person marks as the main one first; none when
    that is another feeling: "schaamte denk ik. en kwaad. ma vooral schaamte" is not asked "Wat
    maakte je zo kwaad?"."""
    for found in _MAINLY.finditer(low):
        for word in found.groups():
            if word in askable:
                return [word, *(f for f in askable if f != word)]
            if word in FEELINGS[lang] or word in FEELING_NOUNS[lang]:
                return []
    return askable


# Feeling verbs and nouns that say the same ("ik schaamde me", "I panicked").
FEELING_EXTRA = {
    "nl": r"\b(schaam\w*|baal\w*|kookte|kook|schrok|schrik\w*|huil\w*|paniek\w*|frustratie|"
    r"boosheid|angst|verdriet|schaamte|twijfel\w*|zorgen)\b",
    "en": r"\b(panick\w*|cried|crying|shame|anger|fear|guilt|worry|worried|dread\w*)\b",
}
