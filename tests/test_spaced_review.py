"""Spaced review: the deck, the FSRS schedule over weeks of simulated use with an injected clock, and the
review log in the progress file (saved, exported, imported, merged without losing a review, hostile entries
refused with a sentence)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ankle_course import spaced_review as sr
from ankle_course.content import course
from ankle_course.progress import (
    ProgressFileError,
    ProgressStore,
    ProgressStoreError,
    QuizAnswer,
    Review,
    empty_progress,
    merge_progress,
    parse_progress,
)

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)  # a Monday


class Clock:
    """The injected clock: time stands still until the test moves it."""

    def __init__(self, t: datetime = T0) -> None:
        self.t = t

    def __call__(self) -> datetime:
        return self.t


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> ProgressStore:
    store = ProgressStore(tmp_path / "progress", clock=clock)
    store.set_flashcard_known("anatomy_deltoid_ligament", True)  # earlier progress that must survive
    return store


def review_all(store: ProgressStore, clock: Clock, rating: str = "good", module: str | None = None) -> list[str]:
    """Do today's reviews as a learner would: rate each shown item, re-planning after every rating."""
    done = []
    for _ in range(200):
        plan = sr.plan(course(), store.load(), clock(), module)
        if not plan.due:
            return done
        item = plan.due[0]
        store.add_review(sr.make_review(item, rating, clock()))
        done.append(item.id)
    raise AssertionError("the review queue never emptied")


# ---------------------------------------------------------------------------------------------- the deck
def test_the_deck_is_every_flashcard_plus_the_questions_got_wrong_or_found_hard():
    content = course()
    progress = empty_progress()
    qids = [q.id for q in content.questions.values() if q.type != "identify"][:3]
    progress["quiz"] = {qids[0]: {"answer": 0, "score": 0.0, "attempts": 1, "at": "2026-11-01T09:00:00+00:00"},
                        qids[1]: {"answer": 0, "score": 1.0, "attempts": 3, "at": "2026-11-01T09:00:00+00:00"},
                        qids[2]: {"answer": 0, "score": 1.0, "attempts": 1, "at": "2026-11-01T09:00:00+00:00"}}
    items = {i.key: i for i in sr.deck(content, progress)}
    flashcards = [k for k in items if k[0] == "flashcard"]
    assert len(flashcards) == len(content.structures)
    assert ("question", qids[0]) in items and ("question", qids[1]) in items
    assert ("question", qids[2]) not in items  # right first time: nothing to review
    assert "Answer:" in items[("question", qids[0])].back


def test_a_new_learner_gets_a_few_new_cards_a_day_and_is_told_when_the_rest_come():
    plan = sr.plan(course(), empty_progress(), T0)
    assert plan.count == plan.new_due == sr.NEW_PER_DAY
    assert plan.upcoming[0] == ((T0 + timedelta(days=1)).date(), sr.NEW_PER_DAY)
    assert sr.summary_text(plan, T0) == f"{sr.NEW_PER_DAY} to review now ({sr.NEW_PER_DAY} new). Next due tomorrow."


def test_missed_quiz_questions_come_before_new_flashcards(store, clock):
    qid = next(q.id for q in course().questions.values() if q.type == "single")
    store.record_quiz_answer(QuizAnswer(qid, 1, 0.0, clock()))
    plan = sr.plan(course(), store.load(), clock())
    assert plan.due[0].key == ("question", qid)
    assert "not get this quiz question fully right" in plan.due[0].why


def test_the_module_panel_shows_only_that_modules_items(store, clock):
    questions = [q for q in course().questions.values() if q.type == "single"]
    other = next(q for q in questions if q.module != "anatomy")
    store.record_quiz_answer(QuizAnswer(other.id, 1, 0.0, clock()))
    assert {i.module for i in sr.plan(course(), store.load(), clock(), module=other.module).due} == {other.module}
    assert all(i.module == "anatomy" for i in sr.plan(course(), store.load(), clock(), module="anatomy").due)


# ---------------------------------------------------------------------------------------------- weeks of use
def test_four_weeks_of_daily_good_reviews_spread_the_cards_out_and_bring_them_back(store, clock):
    deck_size = len(sr.deck(course(), store.load()))
    per_day = []
    for day in range(28):
        clock.t = T0 + timedelta(days=day)
        per_day.append(len(review_all(store, clock, "good")))
    progress = store.load()
    cards = sr.replay(progress["reviews"])
    assert len(cards) == deck_size  # every item was introduced, a few a day
    assert sum(per_day) > deck_size  # and items came back for review after their first day
    # intervals grow: by the end, nothing reviewed "good" every time is due again within a day
    end = T0 + timedelta(days=28)
    assert all(card.due > end for card in cards.values())
    plan = sr.plan(course(), progress, end)
    assert plan.reviews_due == 0 and plan.next_due is not None and plan.next_due > end
    assert "anatomy_deltoid_ligament" in progress["flashcards_known"]


def test_a_forgotten_card_comes_back_sooner_than_a_remembered_one(store, clock):
    review_all(store, clock, "good")  # day 0: the first few cards
    clock.t = T0 + timedelta(days=1)
    first = sr.plan(course(), store.load(), clock())
    forgotten, remembered = first.due[0], first.due[1]
    store.add_review(sr.make_review(forgotten, "again", clock()))
    store.add_review(sr.make_review(remembered, "easy", clock()))
    cards = sr.replay(store.load()["reviews"])
    assert cards[forgotten.key].due < clock() + timedelta(hours=1)
    assert cards[remembered.key].due > clock() + timedelta(days=3)
    clock.t += timedelta(minutes=11)
    assert forgotten.key in {i.key for i in sr.plan(course(), store.load(), clock()).due}


def test_after_a_week_the_panel_shows_exactly_the_items_whose_time_has_come(store, clock):
    for day in range(7):
        clock.t = T0 + timedelta(days=day)
        review_all(store, clock, "hard" if day % 2 else "good")
    clock.t = T0 + timedelta(days=7, hours=1)
    progress = store.load()
    cards = sr.replay(progress["reviews"])
    plan = sr.plan(course(), progress, clock())
    shown_again = {i.key for i in plan.due[:plan.reviews_due]}
    assert shown_again and shown_again == {key for key, card in cards.items() if card.due <= clock()}
    assert len(cards) == plan.deck_size and plan.new_due == 0  # a few new a day: the whole deck is in by day 7
    assert plan.due[0] == min((i for i in plan.due), key=lambda i: cards[i.key].due)  # most overdue first


def test_the_same_log_always_gives_the_same_schedule(store, clock):
    for day in range(5):
        clock.t = T0 + timedelta(days=day)
        review_all(store, clock, "good")
    reviews = store.load()["reviews"]
    assert {k: c.due for k, c in sr.replay(reviews).items()} == {k: c.due for k, c in sr.replay(reversed(reviews)).items()}


# ---------------------------------------------------------------------------------------------- the progress file
def test_an_old_progress_file_without_reviews_still_loads():
    old = {"schema_version": 1, "learner_name": "", "quiz": {}, "flashcards_known": ["anatomy_x"],
           "exercise_sessions": [], "cases": {}}
    progress = parse_progress(json.dumps(old).encode())
    assert progress["reviews"] == [] and progress["flashcards_known"] == ["anatomy_x"]


def test_reviews_survive_export_and_import_into_a_fresh_store(store, clock, tmp_path):
    review_all(store, clock, "good")
    exported = store.export()
    other = ProgressStore(tmp_path / "elsewhere", clock=clock)
    other.import_bytes(exported.data)
    assert other.load()["reviews"] == store.load()["reviews"] != []


def test_merging_two_files_that_disagree_keeps_every_review_and_replays_the_schedule(store, clock, tmp_path):
    review_all(store, clock, "good")
    laptop = ProgressStore(tmp_path / "laptop", clock=clock)
    laptop.import_bytes(store.export().data)
    clock.t = T0 + timedelta(days=1)
    item = sr.plan(course(), store.load(), clock()).due[0]
    store.add_review(sr.make_review(item, "again", clock()))  # this computer: forgot it
    clock.t += timedelta(minutes=5)
    laptop.add_review(sr.make_review(item, "easy", clock()))  # the laptop, later: knew it
    mine, theirs = store.load(), laptop.load()
    merged = merge_progress(mine, theirs)
    assert len(merged["reviews"]) == len(mine["reviews"]) + 1 == len(theirs["reviews"]) + 1
    assert merged == {**merge_progress(theirs, mine), "learner_name": merged["learner_name"],
                      "updated": merged["updated"]}  # the reviews do not depend on the order of the merge
    ratings = [r["rating"] for r in merged["reviews"] if r["item"] == item.id]
    assert ratings[-2:] == ["again", "easy"]
    store.import_bytes(laptop.export().data)
    assert store.load()["reviews"] == merged["reviews"]
    card = sr.replay(store.load()["reviews"])[item.key]
    assert card.last_review == clock()  # the schedule is replayed from both reviews, latest last


def test_saving_the_same_review_twice_keeps_one_copy(store, clock):
    item = sr.plan(course(), store.load(), clock()).due[0]
    for _ in range(2):
        store.add_review(sr.make_review(item, "good", clock()))
    assert len(store.load()["reviews"]) == 1


@pytest.mark.parametrize("name, entry", [
    ("a rating that is not one of the four", {"kind": "flashcard", "item": "anatomy_x", "rating": "perfect",
                                              "at": "2026-11-01T09:00:00+00:00"}),
    ("a kind that is not a card or question", {"kind": "exam", "item": "anatomy_x", "rating": "good",
                                               "at": "2026-11-01T09:00:00+00:00"}),
    ("markup for an item id", {"kind": "question", "item": "<script>alert(1)</script>", "rating": "good",
                               "at": "2026-11-01T09:00:00+00:00"}),
    ("an impossible date", {"kind": "flashcard", "item": "anatomy_x", "rating": "good", "at": "2026-13-45T99:00:00"}),
    ("a date in the far future", {"kind": "flashcard", "item": "anatomy_x", "rating": "good",
                                  "at": "2099-12-31T00:00:00+00:00"}),
    ("an extra field", {"kind": "flashcard", "item": "anatomy_x", "rating": "good",
                        "at": "2026-11-01T09:00:00+00:00", "due": "tomorrow"}),
    ("a number for a rating", {"kind": "flashcard", "item": "anatomy_x", "rating": 3,
                               "at": "2026-11-01T09:00:00+00:00"}),
    ("not a list", "everything"),
])
def test_a_hostile_review_entry_is_refused_with_a_sentence_and_nothing_is_lost(store, name, entry):
    before = store.load()
    reviews = entry if isinstance(entry, str) else [entry]
    upload = json.dumps({**empty_progress(), "reviews": reviews}).encode()
    with pytest.raises(ProgressFileError) as refused:
        store.import_bytes(upload)
    message = str(refused.value)
    assert message.startswith("it ") and "\n" not in message and "Traceback" not in message
    assert store.load() == before


def test_too_many_reviews_is_refused_and_the_saved_progress_kept():
    reviews = [{"kind": "flashcard", "item": "anatomy_x", "rating": "good",
                "at": (T0 + timedelta(minutes=i)).isoformat()} for i in range(5_001)]
    with pytest.raises(ProgressFileError, match="reviews"):
        parse_progress(json.dumps({**empty_progress(), "reviews": reviews}).encode())


def test_a_review_of_content_that_no_longer_exists_is_kept_but_not_shown(store, clock):
    store.add_review(Review("question", "a_question_since_deleted", "good", clock()))
    plan = sr.plan(course(), store.load(), clock())
    assert "a_question_since_deleted" not in {i.id for i in plan.due}
    assert store.load()["reviews"][0]["item"] == "a_question_since_deleted"


def test_a_rating_that_is_not_one_of_the_four_is_one_sentence(store, clock):
    item = sr.plan(course(), store.load(), clock()).due[0]
    with pytest.raises(sr.ReviewError, match=r"^“perfect” is not a rating; choose one of: again, hard, good, easy\.$"):
        sr.make_review(item, "perfect", clock())
    with pytest.raises(ProgressStoreError, match="cannot be saved"):
        store.add_review(Review("flashcard", item.id, "perfect", clock()))
    assert store.load()["reviews"] == []


REVIEWS = st.builds(lambda kind, item, rating, minutes: {"kind": kind, "item": item, "rating": rating,
                                                         "at": (T0 + timedelta(minutes=minutes)).isoformat()},
                    st.sampled_from(["flashcard", "question"]), st.sampled_from(["anatomy_a", "anatomy_b", "q1"]),
                    st.sampled_from(["again", "hard", "good", "easy"]), st.integers(0, 60 * 24 * 30))


@settings(max_examples=60, deadline=None)
@given(st.lists(REVIEWS, max_size=30), st.lists(REVIEWS, max_size=30), st.lists(REVIEWS, max_size=10))
def test_a_merge_holds_every_review_of_both_files_whatever_they_share(only_mine, only_theirs, shared):
    mine = {**empty_progress(), "reviews": [*only_mine, *shared]}
    theirs = {**empty_progress(), "reviews": [*shared, *only_theirs]}
    merged = merge_progress(mine, theirs)["reviews"]
    keys = {(r["at"], r["kind"], r["item"], r["rating"]) for r in [*only_mine, *only_theirs, *shared]}
    assert {(r["at"], r["kind"], r["item"], r["rating"]) for r in merged} == keys and len(merged) == len(keys)
    assert merged == merge_progress(theirs, mine)["reviews"]  # the same log whichever file is "mine"
    assert parse_progress(json.dumps({**empty_progress(), "reviews": merged}).encode())["reviews"] == merged
    replayed = sr.replay(merged)
    assert set(replayed) == {(r["kind"], r["item"]) for r in merged}


def test_the_progress_summary_counts_reviews_so_a_reviewer_is_not_told_nothing_is_saved(store, clock):
    from ankle_course.progress import summarise

    fresh = ProgressStore(store.folder.parent / "fresh", clock=clock)
    item = sr.plan(course(), fresh.load(), clock()).due[0]
    fresh.add_review(sr.make_review(item, "good", clock()))
    summary = summarise(fresh.load(), course())
    assert summary.reviews == 1 and not summary.is_empty


def test_a_full_review_history_refuses_a_new_rating_with_a_plain_sentence_and_keeps_everything(store, clock):
    from ankle_course.progress.record import MAX_ITEMS

    start = T0 - timedelta(days=400)
    full = [Review("flashcard", "anatomy_deltoid_ligament", "good", start + timedelta(minutes=i)).as_record()
            for i in range(MAX_ITEMS)]
    store.update(lambda progress: progress.update(reviews=full))
    before = (store.folder / "progress.json").read_bytes()
    with pytest.raises(ProgressStoreError) as refused:
        store.add_review(Review("flashcard", "anatomy_deltoid_ligament", "easy", clock()))
    message = str(refused.value)
    assert f"already holds {MAX_ITEMS:,} ratings" in message and "unchanged" in message
    assert "not be readable" not in message and message.count(". ") == 0
    assert (store.folder / "progress.json").read_bytes() == before
    store.add_review(Review("flashcard", "anatomy_deltoid_ligament", "good", start))  # a repeat adds nothing: saved
    assert len(store.load()["reviews"]) == MAX_ITEMS and sr.plan(course(), store.load(), clock()).due is not None
