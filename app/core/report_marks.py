"""What a sentence of the person says, for the reflectieverslag: a plan, an insight, talk about the
conversation itself, or a linking word that leans on the sentence before.

Role: read by app/core/report.py to sort the person's own sentences into its sections.
Must not: change the person's words.
"""

from __future__ import annotations

import re

from app.core.touched_marks import POINT

PLAN = re.compile(
    r"\b(ik ga|ga ik|voortaan|vanaf nu|van nu af aan|volgende keer|ik neem me voor|"
    r"ik wil (eerst|voortaan|proberen)|"
    r"morgen|volgende week|i will|i'll|i'm going to|i am going to|next time|from now on|"
    r"morgenvroeg|morgenochtend|morgenmiddag|tomorrow|next week|misschien (kan|ga|moet|zou) ik|"
    r"misschien gewoon|"
    r"dat ik( [\w,]+){1,6} ga \w+en|"
    r"maybe i (could|can|should|will)|maybe just|"
    # the words they mean to say: "Ok wat ik wil zeggen: 1) ...", "What I'll say is ..."
    r"wat ik (wil|ga) zeggen|what i('ll| will| want to| am going to|'m going to) say)\b",
    re.I,
)
INSIGHT = re.compile(
    r"\b(ik merk|ik besef|ik realiseer|ik zie nu|patroon|eigenlijk gaat het|belangrijk voor mij|"
    r"ik denk dat ik|i notice|i realise|i realize|i see now|pattern|important to me|"
    r"i think i|(?:i've|i have|ik heb) (?:noticed|gemerkt)|heb ik gemerkt|"
    # what it is really about: "Het gaat erom dat ik me niet gesteund voel", "misschien gaat het
    # eigenlijk niet over die routes maar ...", "maybe it's not about the report"
    r"het gaat (?:er)?(?:eigenlijk |misschien |meer |vooral )?om dat|"
    r"gaat het (?:\w+ ){0,2}(?:niet|nie) (?:eens |eigenlijk |zozeer )?(?:over|om)|"
    r"it'?s (?:not|really|more|actually) (?:even )?about|what it'?s (?:really )?about|"
    # what matters to them: "What matters to me is that pharmacists are taken seriously"
    r"what (?:really )?matters to me|wat ik (?:echt |eigenlijk )?belangrijk vind|"
    r"wat (?:voor mij|mij) (?:echt )?telt|(?:it is|it'?s|het is) closer to this)\b|"
    # the point named against another: "het is meer dat niemand me iets vraagt", "what gets me
    # is ..."
    + POINT.pattern,
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
    r"^ik wil (graag |even )?(iets|een situatie|een voorval|wat) (\w+ )?(bespreken|voorleggen|"
    r"vertellen|delen|kwijt)\b|"
    r"^i'?d like to (discuss|share|talk through|go over) (something|a situation)\b|"
    r"\bik moet er (nog )?(even |eens |wat )?over (na)?denken\b|\bi need to think about it\b|"
    r"\bik weet (eigenlijk |echt |nu )?(niet|nie|nog niet) (goed |zo goed )?waar (ik moet |te )?"
    r"beginnen\b|"
    r"\bik weet (eigenlijk )?(niet|nie) (goed |zo goed )?hoe ik (het|dat) (moet )?zeggen\b|"
    r"\bi don'?t know how to (say|put) it\b|"
    # announcing that something is on the mind: "Gisteren had ik iets dat me nog altijd
    # bezighoudt", "ff iets van zaterdag want het blijft maar in mn hoofd zitten"
    r"\biets (dat|wat|waar) (me|mij|ik) (\w+ ){0,3}(bezighoudt|dwarszit|niet loslaat|mee zit)\b|"
    r"\b(het|dit|dat) blijft (maar )?(in (mn|mijn|m'n) hoofd )?(zitten|hangen|malen)\W*$|"
    r"^(dus |ok dus |oke dus )?(ff |even )?iets (van|over) \w+( want\b|\W*$)|"
    r"\bsomething (that'?s|that has|that) (been )?(bugging|bothering|on my mind|eating)\b|"
    # saying what the message is, not what happened: "Ik moet dit even kwijt", "dit wordt lang",
    # "so this is prob going to be long sorry", "Ik probeer het gewoon op te schrijven"
    r"\bik moet (dit|het|iets) (\w+ )?kwijt\b|"
    r"\b(lang|long) (bericht|message|verhaal|story)\W*(sorry)?\W*$|"
    r"\b(dit|dat|this|it) (wordt|is|gaat|'?s) (\w+ ){0,4}(lang|long)( worden)?\W*(sorry)?\W*$|"
    r"\bik probeer het (gewoon |gwn |even |ff )?(op te schrijven|uit te leggen|te vertellen)\b|"
    r"\bi'?ll (just )?try to (write|explain) (it|this)\b|"
    r"\bi don'?t (really )?know where to (start|begin)\b|"
    r"\bwaar (zal|moet) ik (eens |nou |nu )?beginnen\b|\bwaar begin ik\W*$|"
    r"\b(ik weet|weet ik) (nie|niet) (goed |goe |zo goed )?hoe (dit|da|dat) (hier )?werkt\b|"
    r"\bnot (quite |really |entirely )?sure how (this|it) works\b|\bi'?ll just start\W*$|"
    # doubting the app or announcing thoughts: "not sure this is the right use of this, but
    # here goes", "I've been thinking about options.", "Ik zat te denken."
    r"\b(right|good) use of (this|the app)\b|\bhere goes\W*$|\bdaar gaat ie\W*$|"
    r"^(i'?ve been|i was|ik heb|ik zat|ik ben) (thinking|nagedacht|te denken|aan het denken)"
    r"( (about|over) (options|it|this|the options|opties|het|wat ik kan doen))?\W*$|"
    r"\bwhere (do|shall|should) i (even )?(start|begin)\b|"
    # an answer to the coach: agreeing ("ja, ik weet het", "yes, I know, my call"), or only
    # saying what it is not ("nee, dat is het niet echt", "no it's not that ...")
    r"^(ja|nee|yes|no|yeah|nope)\W+((i know|ik weet (het|dat))(?=\s*([,.!;]|$))|"
    r"(dat klopt|klopt|true|fair)\W*$)|"
    r"^(nee|neen|no|nope)\W+((wacht|wait|hmm|eigenlijk|actually)\W+)*"
    r"((klopt|klopte) (dat|het) (niet|nie)|(het|'t|dat|it|that)( i|'|’)?s? (is )?(het )?(niet|not)|"
    r"(het|'t) is niet|(dat|that) (klopt|klopte|is|was) (niet|not))\b|"
    r"^(i think )?i know (anyway|really)\W*$|"
    # a question to the coach typed without "?", and starting to tell ("ik ga het proberen")
    r"\b(vind|vindt|denk|denkt|zou|zoudt) (jij|u|gij|ge)\b|\b(do|would|did) you (think|do)\b|"
    r"^(oké |ok |okay |nou )?(ik ga het (maar )?proberen|ik probeer het maar|i'?ll try|"
    r"here goes)\W*$|"
    r"^(als ik eerlijk ben )?weet ik het (eigenlijk )?(wel|best)\W*$|"
    # putting the story in order: "ik ga proberen da een beetje op een rij te zetten"
    r"\b(probeer|proberen|ga|wil|even|ff)\b[^.!?]{0,30}\bop een rij(tje)? (te )?(zetten|krijgen)\b|"
    r"\b(try|trying) to (get|put) (it|this|my thoughts) (down|straight|in order)\b|"
    # what is not for here: "Da ga ik hier nu nie allemaal uitpluizen", "ge gaat het nie zeggen"
    r"\b(hier|here) (nu |now )?(niet|nie|not) (allemaal |all )?(uitpluizen|uitzoeken|going into)\b|"
    r"\b(ge|gij|je|jij|u) (gaat|gaan) (het|mij|me) (niet|nie) (zeggen|vertellen)\b|"
    r"\byou('re| are)? not (gonna|going to) (tell|say)\b|\byou won'?t (tell|say)\b|"
    # ending an answer: "I think that's it.", "Dat was het wel."
    r"^(i think |ik denk )?(that'?s|that is|dat is|dat was|da's) (it|all|het|alles)( wel)?\W*$",
    re.I,
)


# What only adds to the sentence before: "Op hem, maar stiekem meer op mezelf.", "Voor hem,
# maar ook voor mezelf."
ADDS_TO = re.compile(
    r"^(op|voor|tegen|naar|over|vooral|meer|at|for|with|about|mostly|especially) "
    r"(hem|haar|ze|hen|mezelf|mijzelf|iedereen|him|her|them|myself|everyone)\b",
    re.I,
)


NOT_KNOWING = re.compile(
    r"^(weet ik (het )?(niet|nie|ni)|ik weet (het )?(niet|nie|ni)|geen idee|i don'?t know|"
    r"no idea)\b|"
    # "Weet ik eigenlijk niet." alone; "Weet ik eigenlijk niet wat ze bedoelt." says something.
    r"^(weet ik (het )?|ik weet (het )?)(eigenlijk|ook) niet\W*$|^i don'?t really know\W*$|"
    r"^(weet ik (het )?|ik weet (het )?)(ook |echt |eigenlijk )?(niet meer|echt niet)"
    r"( hoor| eh| he| hè)?\W*$",
    re.I,
)


# A sentence that says "like that" about what came before: "My first manager was like that."
POINTS_BACK = re.compile(
    r"\b(was|is|were|are|deed|doet|did|does) (ook )?(like that|just like that|the same|net zo|"
    r"precies zo|ook zo)\b|^the one who\b|"
    # "Die" as the subject is someone named just before: "... met mijn teamleider Ronald. Die
    # zei dat ik meer de-escalerend had moeten optreden."
    r"^(die|deze) (zei|zegt|vond|vindt|vroeg|vraagt|had|heeft|was|is|deed|doet|kwam|ging|wilde|"
    r"stuurde|begon|keek|reageerde|antwoordde)\b",
    re.I,
)


LEANS = re.compile(
    r"^(dan|zodat|daarom|daardoor|tenminste|zonder|behalve|then|so that|which|without|"
    r"dat (is|was|klinkt|denk)|that'?s|that (is|was|sounds)|like it|al (heeft|had|is|was|"
    r"zegt|zei)|alsof|omdat|terwijl|although|even though|as if|because)\b",
    re.I,
)


# The tail of an answer, with no head of its own: "eigenlijk meer moe", "het publieke vooral
# denk ik", "more the silence". Read alone in a report it says nothing.
HEADLESS = re.compile(
    r"^(eigenlijk |toch |ook )?(meer|eerder|vooral|more|rather|mostly)\b(?!,?\s+(dat|omdat|that|"
    r"because|i|ik)\b)|"
    r"^([\w'-]+ ){1,3}(vooral|mostly|especially)( denk ik| i think| i guess)?\W*$|"
    # the answer to an either-or question, "Allebei tegelijk, en ...", "Both, really."
    r"^(allebei|alle twee|beide|beiden|both|neither|geen van beide)( tegelijk| at once| "
    r"eigenlijk| really| i think| denk ik)?\s*([,.;!]|$)|"
    # only saying what it does not mean: "Nee, zo bedoel ik het niet helemaal."
    r"^(zo|so|that'?s not what) (bedoel ik|i mean)( (het|dat|it))?( niet| not)?( helemaal| quite| "
    r"exactly| really)?\W*$",
    re.I,
)


# "And", "but" or "besides" before a statement that stands on its own.
ADDING = re.compile(
    r"^(en|maar|daarnaast|verder|and|but|also|besides),?\s+(?!(toen|dan|als)\b)", re.I
)


ALWAYS = re.compile(
    r"\b(nooit|altijd|vaak|vaker|steeds|meestal|never|always|often|more often|usually)\b", re.I
)


# A clause with its own subject and verb: "ik ga ...", "I'm not doing ...", "hij doet ...".
OWN_CLAUSE = re.compile(r"^(ik|i|we|wij|i'm|im|i'll|ill)\s+(?!(dat|that|die|wat|what)\b)\w+", re.I)


ANSWER_WORD = re.compile(r"^(nee|no|nope|ja|yes|yeah|nou|well|hmm+)\W+", re.I)


# What someone said or did to the person in the story: the event itself ("Rudi zei 'gij zijt
# ook al zo ene geworden'", "I shouted at him in front of everyone").
SAID_THEN = re.compile(
    r"['‘“\"]\w|\b(zei|zegde|riep|schreeuwde|snauwde|beet|mailde|appte|said|shouted|yelled|"
    r"snapped|told me|emailed|texted)\b",
    re.I,
)


# Chat spellings a report in the person's own words still writes out: "thats", "didnt".
APOSTROPHE = re.compile(
    r"\b(that|it|what|there|don|didn|doesn|isn|wasn|aren|weren|can|won|couldn|wouldn|shouldn|"
    r"haven|hasn|hadn)(s|t)\b(?<!\bits)(?<!\bcans)(?<!\bwons)"
)


OPENING_FILLER = re.compile(
    r"^(nou ja|ja|nou|oké|oke|ok|okay|yeah|yes|well|hmm+|situatie:|situation:|context:),?\s+(?=\w)",
    re.I,
)


FRANK = re.compile(
    r",?\s+(tbh|ngl|eerlijk gezegd|to be honest|honestly|echt waar|denk ik|geloof ik|i think|"
    r"i guess|i suppose)\W*$",
    re.I,
)


FELT = re.compile(
    r"\b(ik (voel|voelde|was|ben|schaamde|baal|schrok|vond|vind)|i (feel|felt|was|am|'m)|i'm)\b",
    re.I,
)


# A step of the person's own, said late in the conversation without a word of time: "ik zou
# SBAR beter kunnen gebruiken", "I could talk to him", "Writing it down first", "Gewoon zeggen:
# ...". What others do and how things are ("My partner calls me a pressure cooker") is none.
OWN_STEP = re.compile(
    r"\b(ik|i|we|wij)\s+(ga|gaan|wil|willen|zou|zouden|kan|kun|kunnen|moet|moeten|probeer|"
    r"neem|could|would|want|will|can|should|try|might|need to)\b|"
    r"\b(ga|wil|zou|kan|moet|probeer|neem|doe|bel|vraag|zeg|stuur|plan) (ik|we)\b|"
    r"\b(i|we)'ll\b|\b(i|we)'d (?!(\w+ed|been|told|done|had|gone|seen|said|made|given|"
    r"taken|known|thought|got|left|put|felt|already|just|never)\b)|"
    r"^(gewoon|eerst|misschien|maybe|just|first|\w+ing|iets als|something like|zeggen|vragen|"
    r"uitleggen|vertellen|benoemen|say|ask|tell|explain)\b|"
    # "Ik schrijf dat op", "ik kijk wel of ...": a decision in the present tense.
    r"\bik (schrijf|kijk|bel|stuur|vraag|zeg|doe|maak|plan|leg|mail|spreek|begin|stop)\b|"
    # "I'm not doing the checks on my own anymore", "ik zeg niet meer overal ja op"
    r"^(i'm|i am) (not )?(going to|gonna|doing|stopping|done)\b|"
    r"^(ik|i'm|i)\b(\s+[\w']+){1,8}?\s+(anymore|niet meer|no longer)\b",
    re.I,
)


# What the person wishes others did or saw: "Ik wil gwn dat het gezien wordt", "I just want
# him to see me": a wish, not a step of their own.
WISH = re.compile(
    r"\b(ik wil|ik zou willen|i( just| really| only)? want(ed)?|i'd like|i would like)"
    r"( gewoon| gwn| eigenlijk| "
    r"alleen| vooral| just| really| only)? (dat|that|him|her|them|people|someone|everyone|it)\b",
    re.I,
)


# A decision said late as a thought: "Ik denk dat ik niks in de groep zet", "I think I'll ask".
DECIDING = re.compile(r"^\W*(ik denk dat ik|i think i('ll| will| am going to|'m going to))\b", re.I)


FIRST_PERSON = re.compile(r"^(ik|i)\b", re.I)


FIRST_PERSON_ANY = re.compile(r"\b(ik|i)\b", re.I)


WHENEVER = re.compile(r"\b(zodra|whenever|as soon as)\b", re.I)


# A plan said as one, whatever habit it names: "Ik ga voorstellen dat migraties altijd ...".
FIRM_PLAN = re.compile(
    r"\b(voortaan|volgende keer|next time|from now on|ik neem me voor)\b|"
    r"^\W*(ik ga|ik wil|i will|i'll|i'm going to|i am going to)\b",
    re.I,
)


# What the person said to someone then, told without quotation marks: not their plan now.
TOLD = re.compile(
    r"^\W*(en |toen |dus |and |so )?(ik (heb|had) (\w+ )?(gezegd|gevraagd)|ik zei|zei ik|i said|"
    r"i told (him|her|them)|i asked (him|her|them))\b",
    re.I,
)


TENDS = re.compile(r"\b(a lot|tend to|de neiging)\b", re.I)


SELF = re.compile(
    r"\b(ik|me|mij|mezelf|mijzelf|i|i'm|i've|i'd|myself)\b|^(mijn gevoel|my feeling)\b|"
    r"\b(het|it) (voelde|voelt|felt|feels)\b|\b(voelde|voelt) het\b",
    re.I,
)


QUOTE = re.compile(r"(?<!\w)['‘“\"](?:[^'’”\"]|['’](?=\w)){1,160}['’”\"](?!\w)")


# A step on a day still to come, in the present tense: "ik denk dat ik het donderdag doe".
ON_A_DAY = re.compile(
    r"\b(ik|i)\b(\s+[\w']+){0,4}?\s+(op |on )?(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|"
    r"zondag|vanavond|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight)\b|"
    # the day first, the verb before "ik": "Maandag na het spreekuur, als het rustig is, vraag
    # ik Lotte ..."
    r"^\W*(op |on )?(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|vanavond|morgen)"
    r"\b[^.!?]{0,80}?\b(vraag|ga|bel|zeg|stuur|mail|app|plan|spreek|loop|neem|doe|begin|leg|kom|"
    r"stel|schrijf|maak) ik\b",
    re.I,
)


# Others seen as a pattern: "My dad was exactly like that", "Did the same with my old manager".
ALIKE = re.compile(
    r"\b(same|zelfde|like that|net zo|ook zo|precies zo|again|weer|every time|elke keer|telkens|"
    r"pattern|patroon)\b",
    re.I,
)

# What the person has to do now, said while leaving: "ik moet zo door naar de zaak", "ik moet nu
# nog naar de apotheek", "I have to go and pick up the kids": an errand, not a voornemen.
ERRAND_NOW = re.compile(
    r"\bik moet (nu |zo |straks |zometeen |nog |echt |even |ff )+(door |weer |nog )*(naar|de|het|"
    r"mijn|mn|m'n|koken|eten|gaan|weg|slapen)\b|"
    r"\bi (have|need|got) to (go|get|pick|head|run|make|cook)\b|\bgotta (go|get|pick|run)\b|"
    # going to bed or switching off: "Ik ga nu echt naar bed", "ik ga slapen morgen om half 6 op"
    r"\b(ik ga|k ga|kga) (nu |maar |zo |echt |eens |ff |even |nou )*(naar bed|slapen|pitten|"
    r"afsluiten|(mijn|mn|m'n) (pc|laptop|computer) (uitzetten|afsluiten|dichtklappen)|koken|"
    r"eten)\b|"
    r"\bi'?d better (go|get going|head off)\b|\b(off|going|heading) to (bed|sleep)\b",
    re.I,
)
# A decision told in the past tense is still a plan: "Ik heb besloten dat ik morgen ...".
DECIDED = re.compile(r"\b(besloten|bedacht|afgesproken|decided|made up my mind|agreed)\b", re.I)
# Someone else saying what the person should do: "Daarna zegt mijn leidinggevende dat ik de
# volgende keer ...", "my manager said I should ...": their words, not the person's plan.
OTHERS_SAY = re.compile(
    r"\b(zegt|zei|zeggen|zeiden|vindt|vond|said|says|told me|thinks|thought) "
    r"(mijn|mn|m'n|de|het|hij|zij|ze|my|the|he|she|they|[A-Z]\w+) (\w+ )?(dat|that|i|ik)\b",
)

# A subject of its own: a pronoun, "het", "er", a name; a sentence without one goes on with the
# sentence before it ("Meteen sorry en door.").
SUBJECT = re.compile(
    r"(?i:\b(ik|k|je|jij|ge|gij|u|hij|zij|ze|we|wij|jullie|het|dat|dit|da|er|die|men|mijn|mn|"
    r"de|een|onze|zijn|haar|hun|the|a|an|our|his|her|their|"
    r"i|i'm|im|you|he|she|it|it's|they|we|this|that|there|my)\b)|(?<=\s)[A-Z][a-z]"
)

# A word said in passing: "Ok.", "Nee.", "Maar ja.", "Zelf ja.", "Lol.", "Idk."
INTERJECTION = re.compile(
    r"^\W*(\w+ )?(ok|oké|oke|okay|nee|neen|ja|jep|yes|yep|no|nope|lol|idk|tja|ach|nou|hmm+|haha+|"
    r"ugh|pff+|zucht|echt|serieus|seriously|whatever|anyway|enfin|allez|goh)\W*$",
    re.I,
)

# A question said back without its question mark: "How do I feel.", "Wat moet ik zeggen."
ASKS = re.compile(
    r"^\W*(hoe|wat|wa|waarom|waar|wie|how|what|why|where|who)\b(?! (een|a|an)\b)", re.I
)

# "Misschien ..." about what was, not a step: "Misschien ging het hem niet om de regel" (the
# caller checks the past tense; "misschien zou ik", "maybe I could" are steps).
MAYBE_THEN = re.compile(
    r"^\W*(misschien|maybe|perhaps)\b(?!.*\b(zou|zouden|kan|kun|kunnen|moet|could|would|should|"
    r"might|can)\b)",
    re.I,
)
