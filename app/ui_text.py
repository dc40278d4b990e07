"""Every word the web UI shows, in Dutch and English: one dict per language, the same keys.

The web UI (app/web/) looks strings up here and never spells out a sentence itself, so a
translation is one file to read. Texts with {placeholders} are filled in with str.format. Coach
replies, crisis hand-offs and reports come from the core, not from here.
"""

from __future__ import annotations

from . import fixed_texts

LANGS = ("nl", "en")

NL: dict[str, str] = {
    "title": "Reflectiecoach",
    "tagline": "Een reflectiehulp die alleen op deze computer werkt. Er gaat niets naar internet.",
    # tabs
    "tab_reflect": "Reflectie",
    "tab_prepare": "Voorbereiden",
    "tab_knowledge": "Kennis",
    "tab_settings": "Instellingen en privacy",
    # help
    "notice": "**Dit is een reflectiehulp, geen therapie of hulpverlening.** De coach stelt "
    "vragen en geeft geen adviezen of diagnoses.",
    "help_label": "Hulp nodig? Bel {line_113} of gratis {free_113} · acuut gevaar {emergency} "
    "· België {line_be}",
    "help_text": (
        "Gaat het niet goed met je, of denk je aan zelfdoding? Praat erover met iemand die je "
        "kan helpen.\n\n"
        "- **Nederland:** {line_113} Zelfmoordpreventie: bel **{line_113}** of gratis "
        "**{free_113}**, of chat via **{site_113}** (dag en nacht).\n"
        "- **België:** Zelfmoordlijn **{line_be}** ({site_be}).\n"
        "- **Acuut gevaar:** bel **{emergency}**.\n"
        "- Je **huisarts** of de **huisartsenpost** kan ook helpen.\n"
    ),
    # chat
    "chat_label": "Gesprek",
    "message_label": "Jouw bericht",
    "message_placeholder": "Vertel over een situatie uit je werk… (Enter verstuurt, "
    "Shift+Enter voor een nieuwe regel)",
    "send": "Verstuur",
    "stop": "Stop",
    "stopped": "Gestopt. Dit antwoord is niet bewaard; je kunt je bericht opnieuw sturen.",
    "phase": "Fase {n} van 5: {name}",
    "phase_none": "Fase 1 van 5: ervaring (nog niet begonnen)",
    "sources_label": "Bronnen bij het laatste antwoord",
    "sources_none": "Bij dit antwoord is geen kennisbron gebruikt.",
    "sources_intro": "De coach gebruikte deze kaarten uit de kennisbank. Klik op een titel "
    "voor de tekst.",
    "thinking": "…",
    "bank_question": "Vraag uit de vragenbank",
    # sessions
    "sessions_label": "Je gesprekken",
    "session_pick": "Gesprek",
    "new_session": "Nieuw gesprek",
    "resume": "Hervat",
    "rename_label": "Nieuwe naam",
    "rename": "Hernoem",
    "delete_session": "Verwijder gesprek",
    "confirm_delete_session": "Dit gesprek en het verslag ervan worden definitief verwijderd.",
    "yes_delete": "Ja, verwijder",
    "cancel": "Annuleer",
    "pick_session_first": "Kies eerst een gesprek in de lijst.",
    "session_deleted": "Gesprek verwijderd.",
    "session_renamed": "Naam aangepast.",
    "no_sessions": "(nog geen gesprekken)",
    # report
    "finish": "Rond af",
    "report_label": "Je reflectieverslag (je kunt het aanpassen)",
    "report_heading": "### Reflectieverslag",
    "report_hint": "Het verslag is gemaakt van je eigen woorden. Pas het gerust aan voor je "
    "het bewaart.",
    "export_md": "Bewaar als Markdown",
    "export_docx": "Bewaar als Word",
    "download_label": "Download",
    "need_turns": "Er is nog niets om samen te vatten: voer eerst een gesprek.",
    # prepare
    "prepare_intro": "Bereid een gesprek voor: kies een thema en beschrijf kort de situatie. "
    "De vragen komen uit de vragenbank en staan per fase; pas ze aan, "
    "verander de volgorde of haal er vragen uit.",
    "theme_label": "Thema (kies of typ zelf)",
    "situation_label": "Situatie (optioneel)",
    "situation_placeholder": "Bijvoorbeeld: een medewerker die vastloopt in de samenwerking "
    "met een collega",
    "phase_label": "Fase",
    "all_phases": "Alle fasen",
    "count_label": "Aantal vragen",
    "make_questions": "Maak vragen",
    "questions_label": "Vragen (bewerkbaar)",
    "questions_title": "Vragen voor het gesprek: {theme}",
    "questions_situation": "Situatie: {situation}",
    "source": "bron",
    "no_questions": "Er zijn geen vragen gevonden voor dit thema.",
    "need_theme": "Kies of typ eerst een thema.",
    "export_questions": "Bewaar als Markdown",
    "browse_label": "Bladeren in vragenbank en kaarten",
    "browse_theme": "Thema",
    "browse_kind": "Soort",
    "kind_questions": "Vragen",
    "kind_cards": "Kaarten",
    "browse": "Toon",
    "browse_empty": "Niets gevonden bij dit thema.",
    # knowledge
    "kb_intro": "Voeg eigen documenten toe (txt, md, pdf of docx). Ze worden naar de "
    "datamap gekopieerd en alleen op deze computer doorzocht.",
    "upload_label": "Documenten",
    "add_docs": "Voeg toe aan de kennisbank",
    "kb_progress": "Documenten verwerken",
    "kb_added": "Toegevoegd: {names}.",
    "kb_unchanged": "Ongewijzigd: {names}.",
    "kb_skipped": "Overgeslagen: {reasons}",
    "kb_nothing": "Kies eerst een of meer bestanden.",
    "kb_status_title": "### Je documenten",
    "kb_none": "Je hebt nog geen eigen documenten toegevoegd.",
    "kb_doc_row": "- {name}: {chunks} stukken",
    "kb_total": "De kennisbank bevat {chunks} stukken tekst in totaal.",
    "doc_pick": "Document",
    "remove_doc": "Verwijder document",
    "doc_removed": "{name} verwijderd ({chunks} stukken).",
    "pick_doc_first": "Kies eerst een document.",
    # settings
    "lang_label": "Taal van de app",
    "model_label": "Taalmodel",
    "model_apply": "Gebruik dit model",
    "model_note": "Het wisselen van model laadt het nieuwe model in het geheugen; dat kan een "
    "minuut duren. Het geldt tot de app opnieuw start; blijvend wisselen doe je "
    'met `coach serve --model NAAM` of `model = "NAAM"` in config.toml.',
    "model_switched": "Het model {name} is geladen.",
    "model_fixed": "Deze app draait met een vast testmodel; wisselen kan hier niet.",
    "data_title": "### Waar je gegevens staan",
    "data_text": (
        "Alles staat op deze computer, in een map die alleen jij kunt lezen.\n\n"
        "- Datamap: `{home}`\n"
        "- Gesprekken en verslagen: `{sessions}`\n"
        "- Kennisindex: `{index}`\n"
        "- Je documenten: `{documents}`\n"
        "- Bewaarde bestanden: `{exports}`\n"
        "- Modellen: `{models}`\n\n"
        "De app maakt geen verbinding met internet en verstuurt geen gebruiksgegevens."
    ),
    "export_all": "Exporteer al mijn gegevens",
    "delete_all": "Verwijder al mijn gegevens",
    "confirm_delete_all": "**Weet je het zeker?** Alle gesprekken, verslagen, toegevoegde "
    "documenten en bewaarde bestanden worden definitief verwijderd. "
    "Dit kan niet ongedaan worden gemaakt.",
    "deleted_all": "Alles verwijderd. Nu opgeslagen: {sessions} gesprekken, {documents} eigen "
    "documenten.",
    # intervisie
    "tab_intervisie": "Intervisie",
    "iv_intro": "Intervisie met een groep van 3 tot 8 collega's rond één scherm: kies een "
    "methode en een inbrenger, en werk de casus ronde na ronde door. Per ronde zie je de opdracht, "
    "de tijd en vragen uit de vragenbank die bij de casus passen; de gespreksleider noteert. Alles "
    "wordt meteen op deze computer bewaard.",
    "iv_method": "Methode",
    "iv_inbrenger": "Inbrenger",
    "iv_participants": "Deelnemers",
    "iv_participants_hint": "Namen, gescheiden door komma's",
    "iv_case": "Casus (in de woorden van de inbrenger)",
    "iv_leervraag": "Leervraag",
    "iv_from_chat": "Inbreng uit mijn reflectiegesprek",
    "iv_start": "Start de intervisie",
    "iv_rounds": "Rondes, samen ongeveer {minutes} minuten:",
    "iv_round": "Ronde {n} van {of}: {name} ({minutes} min)",
    "iv_left": "Nog {clock}",
    "iv_over": "{clock} over tijd",
    "iv_questions": "Vragen die bij deze casus kunnen passen:",
    "iv_notes": "Aantekeningen bij deze ronde",
    "iv_back": "Vorige ronde",
    "iv_next": "Volgende ronde",
    "iv_report": "Maak het intervisieverslag",
    "iv_export_md": "Bewaar als Markdown",
    "iv_export_docx": "Bewaar als Word",
    "iv_finished": "### Alle rondes zijn gedaan\n\nMaak het intervisieverslag en bewaar het.",
    "iv_need_method": "Kies eerst een methode.",
    "iv_need_start": "Start eerst de intervisie.",
    "iv_need_session": "Voer eerst een reflectiegesprek in het tabblad Reflectie; daaruit wordt "
    "de inbreng gemaakt.",
    "error_generic": "Er ging iets mis. De details staan in het venster waarin de app draait.",
}

EN: dict[str, str] = {
    "title": "Reflection coach",
    "tagline": "A reflection aid that runs only on this computer. Nothing goes to the internet.",
    "tab_reflect": "Reflection",
    "tab_prepare": "Prepare",
    "tab_knowledge": "Knowledge",
    "tab_settings": "Settings and privacy",
    "notice": "**This is a reflection aid, not therapy or professional help.** The coach asks "
    "questions and gives no advice or diagnoses.",
    "help_label": "Need help? Call {line_113} or free {free_113} · emergency {emergency} "
    "· Belgium {line_be}",
    "help_text": (
        "Are you struggling, or thinking about suicide? Talk to someone who can help.\n\n"
        "- **Netherlands:** {line_113} Suicide Prevention: call **{line_113}** or free "
        "**{free_113}**, or chat at **{site_113}** (day and night).\n"
        "- **Belgium:** Zelfmoordlijn **{line_be}** ({site_be}).\n"
        "- **Immediate danger:** call **{emergency}**.\n"
        "- Your **GP** (huisarts) or the out-of-hours GP service (huisartsenpost) can help "
        "too.\n"
    ),
    "chat_label": "Conversation",
    "message_label": "Your message",
    "message_placeholder": "Tell me about a situation at work… (Enter sends, Shift+Enter for "
    "a new line)",
    "send": "Send",
    "stop": "Stop",
    "stopped": "Stopped. This reply was not saved; you can send your message again.",
    "phase": "Phase {n} of 5: {name}",
    "phase_none": "Phase 1 of 5: experience (not started yet)",
    "sources_label": "Sources behind the last reply",
    "sources_none": "No knowledge source was used for this reply.",
    "sources_intro": "The coach used these cards from the knowledge base. Click a title for its "
    "text.",
    "thinking": "…",
    "bank_question": "Question from the question bank",
    "sessions_label": "Your conversations",
    "session_pick": "Conversation",
    "new_session": "New conversation",
    "resume": "Resume",
    "rename_label": "New name",
    "rename": "Rename",
    "delete_session": "Delete conversation",
    "confirm_delete_session": "This conversation and its report will be deleted for good.",
    "yes_delete": "Yes, delete",
    "cancel": "Cancel",
    "pick_session_first": "Pick a conversation in the list first.",
    "session_deleted": "Conversation deleted.",
    "session_renamed": "Name changed.",
    "no_sessions": "(no conversations yet)",
    "finish": "Wrap up",
    "report_label": "Your reflection report (you can edit it)",
    "report_heading": "### Reflection report",
    "report_hint": "The report is made of your own words. Feel free to edit it before you save it.",
    "export_md": "Save as Markdown",
    "export_docx": "Save as Word",
    "download_label": "Download",
    "need_turns": "There is nothing to sum up yet: have a conversation first.",
    "prepare_intro": "Prepare a conversation: pick a theme and describe the situation briefly. "
    "The questions come from the question bank, grouped by phase; edit them, "
    "reorder them or leave some out.",
    "theme_label": "Theme (pick or type your own)",
    "situation_label": "Situation (optional)",
    "situation_placeholder": "For example: an employee who is stuck in working with a colleague",
    "phase_label": "Phase",
    "all_phases": "All phases",
    "count_label": "Number of questions",
    "make_questions": "Make questions",
    "questions_label": "Questions (editable)",
    "questions_title": "Questions for the conversation: {theme}",
    "questions_situation": "Situation: {situation}",
    "source": "source",
    "no_questions": "No questions were found for this theme.",
    "need_theme": "Pick or type a theme first.",
    "export_questions": "Save as Markdown",
    "browse_label": "Browse the question bank and cards",
    "browse_theme": "Theme",
    "browse_kind": "Kind",
    "kind_questions": "Questions",
    "kind_cards": "Cards",
    "browse": "Show",
    "browse_empty": "Nothing found for this theme.",
    "kb_intro": "Add your own documents (txt, md, pdf or docx). They are copied into the data "
    "folder and searched only on this computer.",
    "upload_label": "Documents",
    "add_docs": "Add to the knowledge base",
    "kb_progress": "Processing documents",
    "kb_added": "Added: {names}.",
    "kb_unchanged": "Unchanged: {names}.",
    "kb_skipped": "Skipped: {reasons}",
    "kb_nothing": "Pick one or more files first.",
    "kb_status_title": "### Your documents",
    "kb_none": "You have not added any documents of your own yet.",
    "kb_doc_row": "- {name}: {chunks} chunks",
    "kb_total": "The knowledge base holds {chunks} chunks of text in all.",
    "doc_pick": "Document",
    "remove_doc": "Remove document",
    "doc_removed": "{name} removed ({chunks} chunks).",
    "pick_doc_first": "Pick a document first.",
    "lang_label": "Language of the app",
    "model_label": "Language model",
    "model_apply": "Use this model",
    "model_note": "Switching loads the new model into memory, which can take a minute. It holds "
    "until the app restarts; to switch for good use `coach serve --model NAME` or "
    '`model = "NAME"` in config.toml.',
    "model_switched": "The model {name} is loaded.",
    "model_fixed": "This app runs with a fixed test model; it cannot be switched here.",
    "data_title": "### Where your data lives",
    "data_text": (
        "Everything stays on this computer, in a folder only you can read.\n\n"
        "- Data folder: `{home}`\n"
        "- Conversations and reports: `{sessions}`\n"
        "- Knowledge index: `{index}`\n"
        "- Your documents: `{documents}`\n"
        "- Saved files: `{exports}`\n"
        "- Models: `{models}`\n\n"
        "The app makes no internet connections and sends no usage data."
    ),
    "export_all": "Export all my data",
    "delete_all": "Delete all my data",
    "confirm_delete_all": "**Are you sure?** All conversations, reports, added documents and "
    "saved files will be deleted for good. This cannot be undone.",
    "deleted_all": "Everything deleted. Stored now: {sessions} conversations, {documents} "
    "documents of your own.",
    # intervisie
    "tab_intervisie": "Intervision",
    "iv_intro": "Intervision with a group of 3 to 8 colleagues around one screen: choose a "
    "method and a presenter, and work through the case round by round. Each round shows its task, "
    "its time and questions from the question bank that fit the case; the facilitator takes "
    "notes. Everything is saved on this computer straight away.",
    "iv_method": "Method",
    "iv_inbrenger": "Presenter",
    "iv_participants": "Participants",
    "iv_participants_hint": "Names, separated by commas",
    "iv_case": "Case (in the presenter's words)",
    "iv_leervraag": "Learning question",
    "iv_from_chat": "Case from my reflection conversation",
    "iv_start": "Start the intervision",
    "iv_rounds": "Rounds, about {minutes} minutes together:",
    "iv_round": "Round {n} of {of}: {name} ({minutes} min)",
    "iv_left": "{clock} left",
    "iv_over": "{clock} over time",
    "iv_questions": "Questions that may fit this case:",
    "iv_notes": "Notes for this round",
    "iv_back": "Previous round",
    "iv_next": "Next round",
    "iv_report": "Make the intervision report",
    "iv_export_md": "Save as Markdown",
    "iv_export_docx": "Save as Word",
    "iv_finished": "### All rounds are done\n\nMake the intervision report and save it.",
    "iv_need_method": "Choose a method first.",
    "iv_need_start": "Start the intervision first.",
    "iv_need_session": "First have a reflection conversation in the Reflection tab; the case is "
    "made from it.",
    "error_generic": "Something went wrong. The details are in the window where the app runs.",
}

# The help lines come from the one place they are written (knowledge/replies/crisis.toml).
_LINES = fixed_texts.lines()
for _texts in (NL, EN):
    for _key in ("help_label", "help_text"):
        _texts[_key] = _texts[_key].format(**_LINES)
TEXTS: dict[str, dict[str, str]] = {"nl": NL, "en": EN}
LANG_CHOICES = [("Nederlands", "nl"), ("English", "en")]


def text(lang: str) -> dict[str, str]:
    """The strings for a language; anything unknown gets Dutch, the app's default."""
    return TEXTS.get(lang, NL)


assert NL.keys() == EN.keys(), sorted(NL.keys() ^ EN.keys())
