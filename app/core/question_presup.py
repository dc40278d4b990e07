"""What a bank question takes for granted, and the words by which a story names it.

Role: the tables app/core/question_fit.py checks a question against: "Wat wilde je
leidinggevende?" needs a manager in the story, "Wat maakte het moeilijk om je mening uit te
spreken?" something said or left unsaid.
Must not: judge a question by itself (question_fit.fits does), or call a model.
"""

from __future__ import annotations

import re

# What a bank question takes for granted, and what the story must name for it to fit.
PRESUPPOSES = {
    "manager": re.compile(r"leidinggevende|manager|\bbaas\b|teamleider|\bboss\b"),
    "colleague": re.compile(r"collega|colleague"),
    "other": re.compile(r"\bde ander\b|\bander(en|e)?\b|the other|\bothers\b"),
    "feedback": re.compile(r"feedback|kritiek|criticism"),
    "moment": re.compile(
        r"op dat moment|\btoen\b|daarna|vooraf|achteraf|die situatie|dat gesprek|reageerde|"
        r"gebeurde|verliep|at that moment|\bthen\b|afterwards|beforehand|that conversation|"
        r"did you react|happened"
    ),
    "insight": re.compile(r"patroon|pattern"),
    "intervision": re.compile(r"intervisie|supervisie|intervision|supervision"),
    "choice": re.compile(r"die keuze|deze keuze|die beslissing|that choice|that decision"),
    "plan": re.compile(r"voornemen|\bplan\b|intention"),
    "team": re.compile(r"\bteam\b|organisatie|organi[sz]ation|afdeling|department"),
    "us": re.compile(r"\bons\b|tussen ons|between us"),
    # a look back on the whole conversation: only once the person has said what they will do
    "wrapup": re.compile(r"dit gesprek|this conversation|take away|meenemen|neem je mee"),
    "obstacle": re.compile(r"hindernis|obstakel|obstacle|valkuil|pitfall"),
    # "Wat deed je dat werkte, al was het maar een beetje?": something of theirs went well
    "worked": re.compile(r"dat werkte|worked, even"),
    # a quality or belief of their own, a score out of ten, a situation that comes back, a
    # new way being tried, a change others could see: not taken for granted after one event
    "quality": re.compile(r"kwaliteit|overtuiging|\btalent|quality"),
    "scale": re.compile(r"punt haalbaarder|one point more"),
    "recurring": re.compile(r"als de situatie terugkomt|when it comes back"),
    "trial": re.compile(r"als je het uitprobeert|when you try it out"),
    "change": re.compile(r"dat je iets anders doet|doing something different"),
    # "Welk gevoel was het sterkst?" after one feeling named (round 54: "he named one feeling")
    "feelings": re.compile(r"welk gevoel|which feeling|welke gevoelens|which of (these|those)"),
    "opinion": re.compile(r"je mening|your (opinion|view)"),
    "role": re.compile(r"deze rol|die rol|this role|that role"),
}


# What the story must name for a question that takes it for granted, where a word is enough.
STORY_NAMES = {
    "colleague": re.compile(r"collega|colleague"),
    "feedback": re.compile(r"feedback|kritiek|criticism|commentaar"),
    "intervision": re.compile(r"intervisie|supervisie|intervision|supervis"),
    "choice": re.compile(
        r"keuze|koos|kies|kiezen|besl(oot|oten|issing)|choice|chose|choose|decided|decision"
    ),
    "team": re.compile(r"\b(team|organisatie|organi[sz]ation|afdeling|department)\b"),
    "obstacle": re.compile(
        r"lastig|moeilijk|spannend|eng\b|bang|hindernis|tegenhoud|durf|valkuil|"
        r"\bhard\b|difficult|scary|afraid|holding me back|pitfall|obstacle"
    ),
    "worked": re.compile(
        r"\b(lukte|gelukt|werkte|hielp|ging (wel |best |toch )?goed|viel mee|"
        r"worked|helped|went (well|ok|okay|fine)|managed to|pulled it off)\b"
    ),
    "quality": re.compile(
        r"kwaliteit|talent|sterk in|goed in|overtuiging|ik geloof dat|quality|strength|"
        r"good at|belief|i believe"
    ),
    "scale": re.compile(r"schaal|scale|\b\d{1,2} ?(van|uit|op|out of|/) ?10\b"),
    "recurring": re.compile(
        r"\b(weer|vaker|opnieuw|steeds|telkens|elke keer|altijd|again|every time|always|keeps?)\b"
    ),
    "trial": re.compile(r"uitprob|probeer|proberen|experiment|\btry\b|trying"),
    "change": re.compile(
        r"anders (doen|aanpakken|reageren)|voortaan|differently|from now on|"
        r"(vaker|minder|eerder) (\w+ )?(zeggen|vragen|aangeven)|more often"
    ),
    # "je mening uitspreken": only where the story tells of something said or left unsaid
    "opinion": re.compile(
        r"mening|opinion|gezegd|zeggen|zei|zweeg|zwijgen|mond|said|say|spoke|speak|quiet"
    ),
    # "Wat maakt dat deze rol je zo goed of juist zo slecht ligt?": a role named in the story
    "role": re.compile(r"\brol\b|\brole\b|functie|positie|position"),
}
