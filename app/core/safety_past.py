"""When a crisis is told as past: the time words that let the crisis screen's rules stand down.

Role: say whether a message tells a crisis as over and handled ("vijf jaar geleden ... inmiddels
gaat het goed") or as long ago, with nothing saying it is back. Used by app/core/safety.py.
Must not: judge anything else of the message.
"""

from __future__ import annotations

import re

# A past crisis told as past and handled ("vijf jaar geleden ... inmiddels gaat het goed") is not
# a signal now, unless the message says it is back.
_PAST = re.compile(
    r"\b(jaar|jaren|maanden|weken) geleden\b|\b(years|months) ago\b|\bvroeger\b|"
    r"\bals (tiener|twintiger|puber|student|jonge twintiger)\b|\bin my (late )?(teens|twenties)\b|"
    r"\bused to\b|\bdestijds\b|\bin het verleden\b|\bin the past\b|\bvorige maand\b|"
    r"\blast (month|year)\b|\b(in|sinds|since) (19|20)\d\d\b|"
    r"\btoen ik (nog )?(tiener|student|jong|jonger) was\b|\bwhen i was (a teenager|younger)\b|"
    r"\b(mijn|my) dieptepunt\b|\b(that|dat) was (my|mijn) (low point|dieptepunt)\b|"
    r"\b\w+ (years?|months?) (free|clean|sober)\b|\b\w+ (years|jaar) since\b|\bfor years\b|"
    r"\b(ligt|liggen|lag|lagen) (\w+ ){0,4}achter (me|mij)\b|"
    r"\booit\b|\bin mijn (studententijd|tienerjaren|tienertijd|eerste jaar|jeugd)\b|"
    r"\bals (adolescent|\w+jarige)\b|\bat (fifteen|sixteen|seventeen|eighteen|nineteen)\b|"
    r"\bin my (early |late )?(teens|twenties|thirties|first year|second year|third year)\b|"
    r"\b\w+ jaar (later|geen)\b|\b\w+ years later\b|\bfree of it for\b|\bover a decade\b|"
    r"\babout (19|20)\d\d\b|\b(back )?in (19|20)\d\d\b|\bthat (winter|summer|year)\b|"
    r"\bin (mijn|my) (tienerjaren|teenage years|student days|studietijd)\b|\bas a teenager\b|"
    r"\bjaar (vrij van|geen \w+ meer)\b|\banniversary of\b|\bverjaardag van mijn\b|"
    r"\blong since\b|\b(van|from) (anderhalf|\w+) jaar geleden\b|\bin de adolescentie\b"
)
_NOW_WELL = re.compile(
    r"\b(inmiddels|hersteld|recovered|stabiel|nuchter|"
    r"(nu )?gaat het (nu )?(goed|beter)|been (well|fine|stable|clean|sober)|"
    r"doing (well|fine|better)|its been (nearly |almost |over )?\w+ (years|months) since|"
    r"bleek (het )?(een|niets|niks|goed|mee te vallen)|was (helemaal )?goed|"
    r"al \w+ jaar (goed|niet meer|clean|nuchter)|"
    r"(gaat|ging) (het )?al (jaren|lang|een tijd) (goed|beter)|nieuwe start|"
    r"in behandeling geweest|hulp (voor )?gehad|hulp gezocht|got help|had (therapy|treatment)|"
    r"\w+ (years?|months?) (free|clean) of|free of (it|self-harm|self harm)|"
    r"(been|going) well for years|still here|healed|genezen|(well|fine|better) now|"
    # Closed and over, in the person's words.
    r"klachtenvrij|(een )?afgesloten hoofdstuk|heb (\w+ ){0,4}(kunnen )?afsluiten|afgerond|"
    r"ben (daar|er) (\w+ ){0,3}uitgekomen|eroverheen|dat was toen|that was then|"
    r"(full|fully) recover\w*|back on (full )?duties|closed (our|my|the) sessions|"
    r"therapy (is )?(finish|finished|over|ended)|a different person now|"
    r"(has|have) faded|so has the pull|after treatment|na behandeling|"
    r"met (behulp van|hulp van) (therapie|behandeling|mijn therapeut|de ggz)|"
    r"now i('m| am) (thirty|forty|fifty|happy|\d+)|"
    r"(ingeleverd|teruggebracht) bij de apotheek|het kan dus|"
    r"(ben|am) (eerlijk gezegd |honestly )?(gelukkig|happy)|restraining order|functioneer ik|"
    r"ben ik (eerlijk gezegd )?(gelukkig|blij)|gevierd|celebrated|grateful|dankbaar|"
    r"op de goede manier|in the good way|(long since|since) resolved|stap voor stap|"
    r"helps? me (now|today)|helpt (mij|me) (nu|nu juist|in)|lived experience|ervaringsdeskundige)\b"
)
_BACK = re.compile(
    r"\b(weer terug|is terug|opnieuw|its back|back again|again lately|de laatste tijd weer|"
    r"sinds kort weer|nu weer|lately|de laatste tijd|vandaag weer|vanavond|vannacht|tonight|"
    r"right now|op dit moment|terugval|relapse|drang|urge|bijna mis|weer zin|"
    r"trekt weer|begint weer|komt weer|comes back|coming back|starting again|today again|"
    r"this week|deze week|keep thinking|steeds weer|blijf (\w+ )?(denken|malen)|"
    r"weer (begonnen|gedaan|gesneden|gekrast)|started again|zoals ik (dat )?vroeger deed|"
    r"like i used to|ik wil (mezelf|mijn \w+) (\w+ )?(verbranden|snijden|krassen|pijn doen)|"
    r"i want to (hurt|cut|burn) (myself|my)|"
    # it goes on: "sindsdien wil ik niet meer", "nu denk ik er weer aan"
    r"nog steeds|nog altijd|soms nog|nu ook|sindsdien|since then|ever since|"
    r"still (think|feel|want|have|get)|sometimes still|now too|same now|again|"
    r"(denk|dacht|voel|wil|zin|kijk)( \w+){0,3} weer|weer (aan|zin|denken))\b"
)


# A time that places the crisis firmly in the past: a year, "drie jaar geleden", "in my third
# year", "vijf jaar vrij van". With nothing that says it is back, the rules' words belong to
# that past; the semantic screen still reads the message.
_LONG_AGO = re.compile(
    r"\b(in|back in|sinds|since) (19|20)[01]\d\b|\b(\w+|\d+) (jaar|years?) (geleden|ago|clean|"
    r"vrij van|free)\b|\bin (mijn|my) (studententijd|tienerjaren|jeugd|teens|first year|second "
    r"year|third year|student days)\b|\bals (\w+jarige|tiener|adolescent)\b|"
    r"\bin de adolescentie\b|\bas a teenager\b|\banniversary of\b"
)


def told_as_past(norm: str) -> bool:
    """The signal belongs to a crisis the person tells as over and handled."""
    return bool(_PAST.search(norm) and _NOW_WELL.search(norm) and not _BACK.search(norm))


def long_ago(norm: str) -> bool:
    """The rules' words belong to a time long past, and nothing says it is back."""
    return bool(_LONG_AGO.search(norm) and not _BACK.search(norm))
