"""Word lists shared by the extraction stages."""

from __future__ import annotations

# Verbs that introduce speech.  Cognition verbs ("think", "believe") are not statements.
SPEECH_VERBS = frozenset(
    {
        "say", "add", "declare", "tell", "note", "welcome", "insist", "state", "explain", "claim",
        "argue", "warn", "announce", "stress", "emphasize", "emphasise", "write", "ask", "reply",
        "respond", "answer", "acknowledge", "admit", "deny", "confirm", "report",
        "suggest", "predict", "promise", "vow", "pledge", "urge", "tweet", "recall", "comment",
        "remark", "observe", "complain", "boast", "concede", "assert", "maintain", "contend",
        "charge", "denounce", "criticize", "criticise", "praise", "quip", "joke", "shout", "yell",
        "testify", "speak", "conclude", "describe", "call", "reiterate", "affirm", "underline",
        "point", "lament", "reveal", "disclose", "mention", "propose", "demand", "caution",
        "retort", "exclaim", "muse", "wonder", "accuse", "blast", "slam", "hail",
    }
)  # fmt: skip
