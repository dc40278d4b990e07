"""Which general question would a supervisor ask in a given kind of place? Blind choices.

When the person comes to see something about themselves, the coach asks one of three general
questions ("Wat zegt dat over wat jij belangrijk vindt?", "Hoe is het om dat nu zo te zien?",
"Wat valt je op, nu je het zo vertelt?"); blind raters rate them about 1.2 of 2. This measures
whether another general question would do better in the same places: for 80 turns of the tuning
conversations where the coach asked one of the three (`bench/replies/iprefs-1/`), raters saw the
message, the reflection and seven candidates in a shuffled order (the three and four others), and
marked which a supervisor could ask there and which one they would ask.

The same for the general questions late in a conversation (`bench/replies/lprefs-1/`): 80
turns of the tuning conversations in the phases alternatieven and voornemen where the coach asked
one of "Welke mogelijkheden zie je zelf?", "Hoe is het om dat nu zo te zien?" and "Wat heb je nog
nodig om het te doen?", with nine candidates; the folder's `asks.json` names them.

Usage: python bench/insight_prefs.py [bench/replies/iprefs-1]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from common import by_id

# The same question in both languages, by what it asks.
ASKS = {
    "Wat zegt dat over wat jij belangrijk vindt?": "values",
    "What does that say about what matters to you?": "values",
    "Hoe is het om dat nu zo te zien?": "see",
    "What is it like to see it that way?": "see",
    "Wat valt je op, nu je het zo vertelt?": "notice",
    "What strikes you, now that you put it into words?": "notice",
    "Wat betekent dat voor je?": "means",
    "What does that mean for you?": "means",
    "Wat wil je daarmee?": "do_with",
    "What would you like to do with that?": "do_with",
    "Waar komt dat vandaan, denk je?": "from",
    "Where do you think that comes from?": "from",
    "Hoe zou je het anders willen?": "instead",
    "How would you like it to be instead?": "instead",
}


def main(folder: Path) -> None:
    items = by_id(folder / "items.jsonl")
    key = json.loads((folder / "key.json").read_text(encoding="utf-8"))
    names = folder / "asks.json"
    asks_of = json.loads(names.read_text(encoding="utf-8")) if names.is_file() else ASKS
    bests: dict[str, dict[str, str]] = {}
    for path in sorted(folder.glob("ratings-*.jsonl")):
        rater = path.stem.removeprefix("ratings-")
        ratings = by_id(path)
        ok: Counter[str] = Counter()
        best: Counter[str] = Counter()
        current_ok = current_best = 0
        for iid, item in items.items():
            asks = {letter: asks_of[q] for letter, q in item["questions"].items()}
            given = ratings[iid]
            ok.update(asks[letter] for letter in given["acceptable"])
            best[asks[given["best"]]] += 1
            current = asks_of[key[iid]["current"]]
            current_ok += current in {asks[letter] for letter in given["acceptable"]}
            current_best += asks[given["best"]] == current
            bests.setdefault(iid, {})[rater] = asks[given["best"]]
        n = len(items)
        print(f"{rater}: acceptable of {n}: " + ", ".join(f"{k} {v}" for k, v in ok.most_common()))
        print(f"{rater}: chosen: " + ", ".join(f"{k} {v}" for k, v in best.most_common()))
        print(f"{rater}: the coach's own choice acceptable {current_ok}, chosen {current_best}")
    agree = sum(len(set(b.values())) == 1 for b in bests.values())
    print(f"raters chose the same question in {agree} of {len(bests)} items")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "bench/replies/iprefs-1"))
