"""What a whole message of the person says, for the reflectieverslag: a step said as a decision,
a resolve long past or a life event ahead, the other's side thought through, or a few words that
only greet or answer the coach.

Role: read by app/core/report.py (where a message goes) and app/core/report_sentences.py (which
short sentences stay).
Must not: change the person's words.
"""

from __future__ import annotations

import re

# A step said as a decision, for the plan in the report: "ik ga", "I'll", "volgende keer",
# "Ik denk dat ik morgen naar hem ga"; not a wish ("Ik wil snel zijn").
FIRM_STEP = re.compile(
    r"\b(voortaan|volgende keer|de volgende keer|next time|from now on|ik neem me voor)\b|"
    r"^\W*(ik ga|i will|i'll|i'm going to|i am going to|i'm gonna)\b|"
    r"^\W*(ik denk dat ik|i think i)\b[^.!?]{0,80}?\b(ga|gaan|zal|eerst|bel|vraag|zeg|stuur|mail|"
    r"app|praat|spreek|meld|'ll|will|am going to|'m going to|first|call|ring|ask|tell|email|"
    r"morgen|maandag|dinsdag|woensdag|donderdag|vrijdag|volgende week|tomorrow|monday|tuesday|"
    r"wednesday|thursday|friday|next week)\b|"
    # the words they mean to say: "Ik wil zeggen: ...", "I'm going to ask him ..."
    r"^\W*(ik wil|ik ga|i want to|i'll|i will|i'm going to) (\w+ ){0,3}(zeggen|vragen|voorstellen|"
    r"say|ask|tell|suggest)\b|"
    # the day first in English: "Monday before the boat I ask Gary for a coffee"
    r"^\W*(on )?(monday|tuesday|wednesday|thursday|friday|tomorrow|tonight)\b[^.!?]{0,60}\bi "
    r"(ask|tell|go|call|ring|say|talk|speak|send|email|message|text|will|'ll)\b|"
    # the day first, the step after "dan": "Woensdag hebben we overdracht, dan vraag ik ..."
    r"^\W*(op )?(maandag|dinsdag|woensdag|donderdag|vrijdag|morgen\w*)\b[^.!?]{0,80}\bdan "
    r"(vraag|ga|zeg|bel|stuur|loop|stel|spreek|neem) ik\b",
    re.I,
)

# A life event ahead, or a resolve long past, no step of the person's own now: "Over drie jaar ga
# ik met pensioen", "I decide when I was young I will be different".
FAR_AHEAD = re.compile(
    r"\bover (\w+ ){0,2}jaar\b|\bin (\w+ ){0,2}years?\b|\bpensioen|\bretir|\bwhen i was\b|"
    r"\btoen ik (nog )?(jong|klein|kind|jonger)\b|\bas a (kid|child|boy|girl)\b|"
    r"\b(jaar|jaren) geleden\b|\byears ago\b",
    re.I,
)

# The other's side, thought through: a sentence that opens with someone else and guesses at how it
# was for them ("Hij zal gedacht hebben ...", "He is responsible for us but ...", "Lieke zal wel
# denken ...", "He probably thought ...", "She must have felt ...").
OTHER_SIDE = re.compile(
    r"^\W*(awel,? |ja,? |nou,? |well,? )?(hij|zij|ze|he|she|they|(mijn|my|de|the|onze|our) \w+)\b"
    r"(?! (said|zei|says|zegt)\b)[^.!?]{0,40}\b(zal|zou|zullen|moet|must|would|'d|probably|"
    r"waarschijnlijk|vast|maybe|misschien|is responsible|was responsible|has got|'s got)\b|"
    # "Ik denk hij wilde ...", "Maybe she thought ...", "Uncle Lim I think is lonely", "Harm is
    # een goede man.", "Hij heeft geen kinderen die ...": the other person's side
    r"^\W*(ik denk|i think|misschien|maybe|perhaps)( dat| that)? (hij|zij|ze|he|she|they)\b|"
    r"^\W*(\w+ ){1,2}(i think|denk ik) (is|was)\b|"
    r"^\W*(\w+ ){1,2}(is|was) (een|a|an) (goede|good|nice|aardige|lieve|kind) "
    r"(man|vrouw|mens|collega|guy|man|woman|person|colleague)\b|"
    r"^\W*(hij|zij|he|she) (heeft|has|had) (geen|no)\b",
    re.I,
)

# A few words that only greet or answer the coach: "Hoi.", "Goeiendag.", "Jao.", "Goeie vraag.",
# "Misschien wel.", "Not sure tbh.".
ONLY_ANSWER = re.compile(
    r"^\W*((oke|oké|ok|okay|nou|so|right|well|ja)\W+)?"
    r"(hoi|hallo|hey|hi|hiya|hello|moi|goedemiddag|right|ok|okay|oké|so|well|anyway|allez|"
    r"awel|goeiendag|waar begin ik|where do i (even )?start|where to start|"
    r"goedendag|goedemorgen|goedenavond|dag|morning|evening|"
    r"jao|jawel|jep|yep|yeah|ja hoor|klopt( wel)?|precies|inderdaad|idd|exactly|true|fair|"
    r"go+e+i?d?e? vraag|good question|misschien( wel)?|maybe|perhaps|not sure|no idea|geen idee|"
    r"wie weet|who knows|dat ook|that too|ook wel|i guess|i suppose|denk het|denk ik|i think so)"
    r"( tbh| eigenlijk| wel| hoor| denk ik| i think| really)?\W*$",
    re.I,
)


# A condition about anyone, then what the person does: a habit, no plan ("Als iemand boos op me
# is ga ik meteen uitleggen hoe het zit", "When people push me I just go quiet").
ANYONE_IF = re.compile(
    r"^\W*(als|wanneer|zodra|if|when|whenever) (iemand|mensen|ze|men|er iemand|someone|anyone|"
    r"people|they|somebody)\b|"
    # ... or about someone close, said as what keeps happening: "Mijn man zegt dat ook weleens,
    # als hij moppert ga ik het uitleggen"
    r"\b(weleens|wel eens|altijd|vaak|steeds|always|often)\b[^.!?]{0,60}\b(als|wanneer|if|when) "
    r"(hij|zij|ze|he|she|they)\b|"
    # defiance, no step: "Ik ga mij toch nie laten afblaffen", "I'm not going to let him ..."
    r"\bik ga (mij|me) (toch |echt )?(niet|nie|ni) laten\b|\bi'?m not (going to|gonna) let\b",
    re.I,
)
