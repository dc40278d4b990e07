"""What the coach says when the crisis screen speaks: fixed texts, never model output.

Three answers. A clear signal gets the hand-off (112 first for danger, else 113 first).
A possible signal gets a direct, kind question, as crisis lines advise, with the numbers in
view; the person's answer decides what follows. A professional who tells about a client or
pupil in crisis gets the normal reflection plus, once per conversation, a note with the numbers.
Must not: decide anything (app/safety.py does), or ask about the work in the same breath.
"""

from __future__ import annotations

import re

from .safety import Verdict, normalise

HANDOFF: dict[str, dict[str, str]] = {
    "nl": {
        "support": (
            "Ik ben blij dat je dit tegen me zegt. Ik ben een reflectiehulp, geen hulpverlener "
            "of therapeut, en ik kan je hierbij niet helpen. Praat er alsjeblieft over met "
            "iemand die dat wel kan. Bel 113 Zelfmoordpreventie: 113 of gratis 0800-0113, of "
            "chat via 113.nl. Ook je huisarts of de huisartsenpost kan helpen. In België: "
            "Zelfmoordlijn 1813 (zelfmoord1813.be). Bij acuut gevaar: bel 112. Je hoeft dit "
            "niet alleen te dragen."
        ),
        "danger": (
            "Ben jij of is iemand anders nu in gevaar, bel dan direct 112. Ik ben blij dat je "
            "dit tegen me zegt. Ik ben een reflectiehulp, geen hulpverlener of therapeut, en ik "
            "kan je hierbij niet helpen. Ook je huisarts of de huisartsenpost kan helpen. Denk "
            "je aan zelfdoding: bel 113 of gratis 0800-0113, of chat via 113.nl. In België: "
            "Zelfmoordlijn 1813 (zelfmoord1813.be). Je hoeft dit niet alleen te dragen."
        ),
    },
    "en": {
        "support": (
            "I'm glad you told me. I'm a reflection aid, not a counsellor or therapist, and I "
            "can't help you with this. Please talk to someone who can. In the Netherlands: 113 "
            "Suicide Prevention, the Dutch line, call 113 or free 0800-0113, or chat at 113.nl. "
            "Your GP (huisarts) or the out-of-hours GP service (huisartsenpost) can help too. "
            "In Belgium: the Belgian Zelfmoordlijn 1813 (zelfmoord1813.be). In immediate "
            "danger, call 112. You don't have to carry this alone."
        ),
        "danger": (
            "If you or someone else is in danger right now, call 112 immediately. I'm glad you "
            "told me. I'm a reflection aid, not a counsellor or therapist, and I can't help you "
            "with this. Your GP (huisarts) or the out-of-hours GP service can help too. For "
            "thoughts of suicide: 113 is the Dutch line, call 113 or free 0800-0113, or chat at "
            "113.nl; 1813 is the Belgian line (zelfmoord1813.be). You don't have to carry this "
            "alone."
        ),
    },
}

# The direct question for a possible signal, per family, and the numbers that stay in view.
ASK: dict[str, dict[str, str]] = {
    "nl": {
        "suicide": "Ik vraag het je rechtstreeks, omdat ik het belangrijk vind: denk je aan "
        "zelfdoding?",
        "selfharm": "Ik vraag het je rechtstreeks: doe je jezelf pijn, of denk je daaraan?",
        "danger": "Ik vraag het je rechtstreeks: ben je nu in gevaar?",
    },
    "en": {
        "suicide": "I'd like to ask you directly, because it matters: are you thinking about "
        "suicide?",
        "selfharm": "I'd like to ask you directly: are you hurting yourself, or thinking about it?",
        "danger": "I'd like to ask you directly: are you in danger right now?",
    },
}
ASK_MIRROR = {"nl": "Je schrijft: “{quote}”.", "en": "You write: “{quote}”."}
ASK_MIRROR_PLAIN = {
    "nl": "Wat je net schrijft, neem ik serieus.",
    "en": "I take what you just wrote seriously.",
}
NUMBERS = {
    "nl": "113 Zelfmoordpreventie is dag en nacht bereikbaar: 113 of gratis 0800-0113, chat via "
    "113.nl. Bij acuut gevaar: 112. In België: 1813.",
    "en": "113 Suicide Prevention is there day and night: 113 or free 0800-0113, chat at 113.nl. "
    "In immediate danger: 112. In Belgium: 1813.",
}
NUMBERS_DANGER = {
    "nl": "Bij acuut gevaar: bel 112. Ook je huisarts of de huisartsenpost kan helpen; denk je "
    "aan zelfdoding, bel 113 of gratis 0800-0113.",
    "en": "In immediate danger: call 112. Your GP or the out-of-hours GP service can help too; "
    "for thoughts of suicide, call 113 or free 0800-0113.",
}
# The person went on about the work without answering the direct question: asked once more.
ASK_AGAIN: dict[str, dict[str, str]] = {
    "nl": {
        "suicide": "Ik wil mijn vraag niet zomaar laten liggen: denk je aan zelfdoding? Een kort "
        "ja of nee is genoeg, daarna gaan we verder waar je was.",
        "selfharm": "Ik wil mijn vraag niet zomaar laten liggen: doe je jezelf pijn, of denk je "
        "daaraan? Een kort ja of nee is genoeg, daarna gaan we verder waar je was.",
        "danger": "Ik wil mijn vraag niet zomaar laten liggen: ben je nu in gevaar? Een kort ja "
        "of nee is genoeg, daarna gaan we verder waar je was.",
    },
    "en": {
        "suicide": "I don't want to let my question go unanswered: are you thinking about "
        "suicide? A short yes or no is enough; then we go on where you were.",
        "selfharm": "I don't want to let my question go unanswered: are you hurting yourself, "
        "or thinking about it? A short yes or no is enough; then we go on where you were.",
        "danger": "I don't want to let my question go unanswered: are you in danger right now? "
        "A short yes or no is enough; then we go on where you were.",
    },
}
# The person answered the direct question with a plain no.
RELIEVED = {
    "nl": "Dank je dat je het zegt, dan begrijp ik je beter. Mocht het anders worden: 113 is er "
    "dag en nacht (0800-0113). Wat wil je verder vertellen over wat er op je werk speelt?",
    "en": "Thank you for telling me, that helps me understand you. Should that change: 113 is "
    "there day and night (0800-0113). What else would you like to tell me about what is going "
    "on at work?",
}
# Once per conversation, under a reflection about someone the person works with.
PROFESSIONAL_NOTE = {
    "nl": "Gaat het om iemand die je begeleidt en die in gevaar kan zijn: 113 (0800-0113, "
    "113.nl) denkt ook met hulpverleners en naasten mee; bij acuut gevaar 112, in België 1813.",
    "en": "If someone you support may be at risk: 113 (0800-0113, 113.nl) also advises "
    "professionals and people close to them; in acute danger 112, in Belgium 1813.",
}
QUOTE_WORDS = 14
NOT_THERAPY_NOTICE: dict[str, str] = {
    "nl": (
        "Dit is een reflectiehulp, geen therapie of hulpverlening. Gaat het niet goed met je of "
        "denk je aan zelfdoding, bel dan 113 of gratis 0800-0113 (113.nl), in België 1813, en "
        "bij acuut gevaar 112."
    ),
    "en": (
        "This is a reflection aid, not therapy or professional help. If you are struggling or "
        "thinking about suicide, call 113 or free 0800-0113 (113.nl) in the Netherlands, 1813 "
        "in Belgium, and 112 in an emergency."
    ),
}


def handoff(lang: str, family: str) -> str:
    """The fixed hand-off message for a family ('danger', 'suicide', 'selfharm'); unknown
    languages fall back to Dutch, the app's default."""
    texts = HANDOFF.get(lang, HANDOFF["nl"])
    return texts["danger"] if family == "danger" else texts["support"]


def ask(lang: str, verdict: Verdict, message: str) -> str:
    """Quote the sentence that raised the signal, ask directly, and give the numbers."""
    lang = lang if lang in ASK else "nl"
    quote = _sentence_with(message, verdict.phrase)
    mirror = ASK_MIRROR[lang].format(quote=quote) if quote else ASK_MIRROR_PLAIN[lang]
    numbers = NUMBERS_DANGER if verdict.family == "danger" else NUMBERS
    return f"{mirror} {ASK[lang][verdict.family]}\n\n{numbers[lang]}"


def ask_again(lang: str, family: str) -> str:
    """The direct question once more, when the answer went on about the work instead."""
    lang = lang if lang in ASK_AGAIN else "nl"
    numbers = NUMBERS_DANGER if family == "danger" else NUMBERS
    return f"{ASK_AGAIN[lang][family]}\n\n{numbers[lang]}"


def _sentence_with(message: str, phrase: str) -> str:
    """The person's own sentence that holds the signal, if it is short enough to quote whole."""
    key = normalise(phrase).strip(" .!?;")
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", message):
        sentence = sentence.strip().strip('“”"')
        if key and key in normalise(sentence):
            words = sentence.split()
            if len(words) <= QUOTE_WORDS:
                return re.sub(r"[\s.!…]+$", "", sentence)
            return ""
    return ""
