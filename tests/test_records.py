"""Records round-trip through GOLD_SCHEMA JSON."""

from __future__ import annotations

from bordergraph.records import ReleaseRecord


def test_every_gold_file_round_trips(gold):
    assert gold, "no gold files in data/releases"
    for name, data in gold.items():
        record = ReleaseRecord.from_json(data)
        again = record.to_json()
        assert again["events"] == data["events"], name
        assert again["people"] == data["people"], name
        assert again["outcomes"] == data["outcomes"], name
        assert again["event_links"] == data["event_links"], name
        assert ReleaseRecord.from_json(again) == record
