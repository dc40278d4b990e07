"""The words for feelings the coach recognises, in Dutch and English.

Role: the lexicon behind app/core/reading.py and the reflections: feelings named as adjectives,
those that read well in "Wat maakte je zo ...?", those that are as often plain description, and
feelings named as nouns.
Must not: hold anything but word lists.
"""

from __future__ import annotations

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
