"""The rule that puts documents in the test file (shared by build_corpus.py
and append_records.py), so both split the same way."""

TEST_SHARE = 0.2


def goes_to_test(test_counts, doc_counts, totals):
    """True if a document with label counts `doc_counts` should join the test
    file, which already holds `test_counts`, for a corpus with label counts
    `totals`: it helps a label short of its 20% share and overshoots none by
    more than a few statements."""
    target = {k: TEST_SHARE * v for k, v in totals.items()}
    helps = any(test_counts[k] < target[k] and doc_counts[k] for k in doc_counts)
    overshoot = any(test_counts[k] + doc_counts[k] > target[k] + 3 for k in doc_counts)
    return helps and not overshoot
