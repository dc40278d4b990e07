"""What a sentence of the person says, for the reflectieverslag: a plan, an insight, talk about the
conversation itself, or a linking word that leans on the sentence before.

Role: read by app/core/report.py to sort the person's own sentences into its sections.
Must not: change the person's words.
"""

from __future__ import annotations

import re

PLAN = re.compile(
    r"\b(ik ga|ga ik|voortaan|volgende keer|ik neem me voor|ik wil (eerst|voortaan|proberen)|"
    r"morgen|volgende week|i will|i'll|i'm going to|i am going to|next time|from now on|"
    r"tomorrow|next week|misschien (kan|ga|moet|zou) ik|misschien gewoon|"
    r"dat ik( [\w,]+){1,6} ga \w+en|"
    r"maybe i (could|can|should|will)|maybe just)\b",
    re.I,
)
INSIGHT = re.compile(
    r"\b(ik merk|ik besef|ik realiseer|ik zie nu|patroon|eigenlijk gaat het|belangrijk voor mij|"
    r"ik denk dat ik|i notice|i realise|i realize|i see now|pattern|important to me|"
    r"i think i|(?:i've|i have|ik heb) (?:noticed|gemerkt)|heb ik gemerkt)\b",
    re.I,
)
LINKING = re.compile(r"^(of|en|maar|want|dus|or|and|but|so)\b", re.I)
# Talk about the conversation itself, not about the work: laughter, agreeing with the coach,
# having to leave.
CHATTER = re.compile(
    r"\b(haha+|hihi|lol)\b|^(dat is een (goed punt|goede vraag)|goed punt|goede vraag|klopt|"
    r"precies|"
    r"fair enough|good point|good question|that'?s a good (point|question))\b|"
    r"\bmoet (nu |zo |er )?(naar (mijn|mn|m'n) (werk|dienst)|weg|gaan)\b|"
    r"\b(have|need) to (go|run)\b|"
    # announcing the topic, or putting off the thinking: about the talk, not the work
    r"^ik wil het (\w+ )?(hebben )?over\b|^i want to talk about\b|^i'?d like to talk about\b|"
    r"\bik moet er (nog )?(even |eens |wat )?over (na)?denken\b|\bi need to think about it\b|"
    r"\bik weet (niet|nie|nog niet) (goed |zo goed )?waar (ik moet |te )?beginnen\b|"
    # saying what the message is, not what happened: "Ik moet dit even kwijt", "dit wordt lang",
    # "so this is prob going to be long sorry", "Ik probeer het gewoon op te schrijven"
    r"\bik moet (dit|het|iets) (\w+ )?kwijt\b|"
    r"\b(lang|long) (bericht|message|verhaal|story)\W*(sorry)?\W*$|"
    r"\b(dit|dat|this|it) (wordt|is|gaat|'?s) (\w+ ){0,4}(lang|long)( worden)?\W*(sorry)?\W*$|"
    r"\bik probeer het (gewoon |gwn |even |ff )?(op te schrijven|uit te leggen|te vertellen)\b|"
    r"\bi'?ll (just )?try to (write|explain) (it|this)\b|"
    r"\bi don'?t (really )?know where to (start|begin)\b|"
    # an answer to the coach: agreeing ("ja, ik weet het", "yes, I know, my call"), or only
    # saying what it is not ("nee, dat is het niet echt", "no it's not that ...")
    r"^(ja|nee|yes|no|yeah|nope)\W+((i know|ik weet (het|dat))(?=\s*([,.!;]|$))|"
    r"(dat klopt|klopt|true|fair)\W*$)|"
    r"^(nee|neen|no|nope)\W+((het|'t|dat|it|that)( i|'|’)?s? (is )?(het )?(niet|not)|"
    r"(het|'t) is niet|(dat|that) (klopt|klopte|is|was) (niet|not))\b|"
    r"^(i think )?i know (anyway|really)\W*$|"
    # a question to the coach typed without "?", and starting to tell ("ik ga het proberen")
    r"\b(vind|vindt|denk|denkt|zou|zoudt) (jij|u|gij|ge)\b|\b(do|would|did) you (think|do)\b|"
    r"^(oké |ok |okay |nou )?(ik ga het (maar )?proberen|ik probeer het maar|i'?ll try|"
    r"here goes)\W*$|"
    r"^(als ik eerlijk ben )?weet ik het (eigenlijk )?(wel|best)\W*$",
    re.I,
)
