"""Candidate-question study: turns of rated fresh conversations where a general question was
asked, with new content-bearing candidates built from the message."""
import json, glob, re, random, sys
sys.path.insert(0, '/work/main')
from app.core.reading import read
from app.core.statements import statements

GENERIC = {
 "Wat kun je daar nog meer over vertellen?", "Wat raakt je hier het meest in?",
 "Wat valt je op, nu je het zo vertelt?", "Hoe is het om dat nu zo te zien?",
 "Wat deed je met dat gevoel?", "Wat gebeurde er toen in je?",
 "What more can you tell me about that?", "What stays with you most about this?",
 "What strikes you, now that you put it into words?", "What is it like to see it that way?",
 "What did you do with that feeling?", "What was going on inside you at that moment?",
}
NOUN = {"nl": {"boos": "boosheid", "kwaad": "boosheid", "bang": "angst", "verdrietig": "verdriet",
  "trots": "trots", "onzeker": "onzekerheid", "teleurgesteld": "teleurstelling",
  "gefrustreerd": "frustratie", "eenzaam": "eenzaamheid", "machteloos": "machteloosheid",
  "jaloers": "jaloezie", "geïrriteerd": "irritatie", "woedend": "woede", "beschaamd": "schaamte",
  "schaam": "schaamte", "schaamde": "schaamte", "schamen": "schaamte", "schuldig": "schuldgevoel",
  "vernederd": "vernedering", "onrustig": "onrust", "gespannen": "spanning",
  "opgelucht": "opluchting", "verdriet": "verdriet", "schaamte": "schaamte", "boosheid": "boosheid",
  "angst": "angst", "teleurstelling": "teleurstelling", "frustratie": "frustratie",
  "spijt": "spijt", "schuldgevoel": "schuldgevoel", "onrust": "onrust", "woede": "woede",
  "irritatie": "irritatie", "jaloezie": "jaloezie", "machteloosheid": "machteloosheid"},
 "en": {"angry": "anger", "ashamed": "shame", "guilty": "guilt", "sad": "sadness",
  "afraid": "fear", "scared": "fear", "frustrated": "frustration", "embarrassed": "embarrassment",
  "humiliated": "humiliation", "disappointed": "disappointment", "jealous": "jealousy",
  "anxious": "anxiety", "lonely": "loneliness", "helpless": "helplessness", "furious": "anger",
  "shame": "shame", "anger": "anger", "guilt": "guilt", "fear": "fear", "regret": "regret",
  "resentment": "resentment", "embarrassment": "embarrassment", "frustration": "frustration",
  "disappointment": "disappointment"}}
NEG = re.compile(r"\b(niet|nie|nait|geen|not|n't|no)\b", re.I)
VAGUE = {"nl": re.compile(r"\b(maar toch|en toch|ergens|op een of andere manier|dubbel gevoel|"
  r"het voelt (?:niet goed|raar|dubbel|niet lekker)|zit me niet lekker|het klopt niet)\b", re.I),
  "en": re.compile(r"\b(but still|somehow|something'?s off|doesn'?t sit right|mixed feelings|"
  r"it feels (?:wrong|weird|off)|weird)\b", re.I)}

def own_noun(message, lang):
    best = None
    for s in statements(message):
        if NEG.search(s):
            continue
        for w in re.findall(r"[\wë'ï-]+", s.lower()):
            if w in NOUN[lang]:
                best = NOUN[lang][w]
    return best

def candidates(message, lang, r):
    out = {}
    noun = own_noun(message, lang)
    if noun:
        if lang == "nl":
            out["values"] = f"Wat zegt die {noun} over wat jij belangrijk vindt?"
            out["about"] = f"Waar gaat die {noun} vooral over?"
        else:
            out["values"] = f"What does that {noun} tell you about what matters to you?"
            out["about"] = f"What is the {noun} mostly about?"
    m = VAGUE[lang].search(message)
    if m:
        phrase = m[1].lower()
        out["vague"] = (f"Wat bedoel je met ‘{phrase}’?" if lang == "nl"
                        else f"What do you mean by ‘{phrase}’?")
    return out

items, key = [], {}
seen = set()
random.seed(7)
import collections
latest = {}
for f in sorted(glob.glob('/work/main/bench/replies/runs/v*-fresh*.json')):
    part = f.split('-')[-1]
    n = int(re.sub(r'\D', '', f.split('/')[-1].split('-')[0]) or 0)
    if part not in latest or n > latest[part][0]:
        latest[part] = (n, f)
runs = [f for n, f in latest.values()]
for f in runs:
    d = json.load(open(f))
    for c in d['conversations']:
        conv = c['conversation']; lang = conv['lang']
        for i, rec in enumerate(c['records']):
            if i == 0 or i >= len(conv['messages']): continue
            reply = rec.get('reply', '')
            q = next((g for g in GENERIC if reply.endswith(g)), None)
            if not q: continue
            msg = conv['messages'][i]
            if msg in seen: continue
            r = read(msg, lang, conv['messages'][:i])
            new = candidates(msg, lang, r)
            if not new: continue
            seen.add(msg)
            mirror = reply[: -len(q)].strip()
            cands = [("current", q)] + list(new.items())
            random.shuffle(cands)
            letters = "ABCD"
            iid = f"q{len(items)+1:03d}"
            items.append({"id": iid, "lang": lang, "previous_message": conv['messages'][i-1][-500:],
                          "message": msg, "reflection": mirror,
                          "candidates": {letters[k]: t for k, (_, t) in enumerate(cands)}})
            key[iid] = {"conv": conv['id'], "turn": i + 1, "run": f.split('/')[-1],
                        "kinds": {letters[k]: kind for k, (kind, _) in enumerate(cands)}}
print(len(items), sum(1 for it in items if it['lang']=='en'), file=sys.stderr)
from collections import Counter
print(Counter(k for v in key.values() for k in v['kinds'].values()), file=sys.stderr)
json.dump({"items": items, "key": key}, open('/tmp/q3/all.json', 'w'), ensure_ascii=False)
