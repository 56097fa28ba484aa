"""Events merged across articles into one timeline."""
from __future__ import annotations

from saksi.corpus import build_corpus
from saksi.corpus.dates import compatible


def ev(eid, article, date, type_="meeting", participants=("Vladimir Putin", "Kim Jong Un"), place="Pyongyang",
       summary=None):
    return {"id": eid, "article": article, "date": date, "type": type_, "summary": summary or f"{type_} {date}",
            "participants": list(participants), "place": place, "quote": ""}


def timeline(events):
    names = sorted({e["article"] for e in events})
    arts = [{"article": n, "key": n, "title": None, "outlet": f"Outlet {n}", "published": None, "language": "en",
             "body": "", "cited_sources": []} for n in names]
    return build_corpus(arts, [], events, embedder=False).timeline


def test_dates_compare_at_the_coarser_precision():
    assert compatible("2024-06", "2024-06-18") and compatible("2024", "2024-06-18")
    assert not compatible("2024-06", "2024-07-01") and not compatible("2024-06-17", "2024-06-18")


def test_month_and_day_of_the_same_meeting_merge_and_keep_the_day():
    tl = timeline([ev("1", "a", "2024-06"), ev("2", "b", "2024-06-18", participants=["Kim Jong Un"]),
                   ev("3", "c", "2024")])
    assert len(tl) == 1
    row = tl[0]
    assert row["date"] == "2024-06-18" and row["summary"] == "meeting 2024-06-18"
    assert row["articles"] == ["a", "b", "c"] and sorted(row["event_ids"]) == ["1", "2", "3"]
    assert row["participants"][0] == "Kim Jong Un"  # named by all three
    assert row["outlets"] == ["Outlet a", "Outlet b", "Outlet c"]


def test_a_vague_date_does_not_chain_two_days():
    tl = timeline([ev("1", "a", "2025-06-04"), ev("2", "b", "2025-06-20"), ev("3", "c", "2025-06"),
                   ev("4", "d", "2025-06")])
    assert [r["date"] for r in tl] == ["2025-06-04", "2025-06-20"]
    assert sorted(len(r["event_ids"]) for r in tl) == [1, 3]


def test_different_type_participants_or_month_stay_apart():
    tl = timeline([ev("1", "a", "2024-06-18"), ev("2", "b", "2024-06-18", type_="treaty_signed"),
                   ev("3", "c", "2024-06-18", participants=["Sergei Shoigu"]), ev("4", "d", "2024-07")])
    assert len(tl) == 4
    assert [r["date"] for r in tl] == sorted(r["date"] for r in tl)


def test_events_without_participants_merge_by_place():
    tl = timeline([ev("1", "a", "2025-07", participants=(), place="Wonsan"),
                   ev("2", "b", "2025-07-12", participants=(), place="Wonsan"),
                   ev("3", "c", "2025-07-12", participants=(), place="Kursk")])
    assert sorted((r["date"], r["place"], len(r["event_ids"])) for r in tl) == [
        ("2025-07-12", "Kursk", 1), ("2025-07-12", "Wonsan", 2)]


def test_bad_dates_are_kept_alone():
    tl = timeline([ev("1", "a", "sometime"), ev("2", "b", "sometime"), ev("3", "c", "2024-06")])
    assert len(tl) == 3
