//! "Did you mean …?": the nearest candidate to a misspelled name.
//!
//! Uses `strsim` (already in the tree through clap) with a distance bound that grows with
//! the word, so that short words only match close misspellings.
//!
//! A distance costs the product of the two lengths, so a candidate whose length alone puts
//! it out of reach is skipped first: then a search over a fixed vocabulary costs at most a
//! constant per word, however long the word. Searches over a file's own names (which grow
//! with the file) are also charged to a budget ([`nearest_within`]).

/// The candidate closest to `word` by Damerau–Levenshtein distance, if it is close enough
/// to be a plausible misspelling. Ties go to the first candidate, so results are stable.
pub fn nearest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let mut unlimited = usize::MAX;
    nearest_within(word, candidates, &mut unlimited)
}

/// As [`nearest`], charging every candidate looked at and every pair of characters compared
/// to `budget`. A search the budget cannot pay for in full suggests nothing and empties it,
/// so that the answer never depends on how far a partial search got.
pub fn nearest_within<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
    budget: &mut usize,
) -> Option<&'c str> {
    let lower = word.to_ascii_lowercase();
    let length = lower.chars().count();
    let limit = match length {
        0..=2 => 1,
        3..=5 => 2,
        _ => 3,
    };
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let Some(cost) = reachable(candidate, length, limit) else {
            if !charge(budget, 1) {
                return None;
            }
            continue;
        };
        if !charge(budget, 1 + cost * length) {
            return None;
        }
        let distance = strsim::damerau_levenshtein(&lower, candidate);
        let plausible = distance <= limit && distance < cost;
        if plausible && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// The candidate's length in characters, if it is within `limit` edits of `length`
/// characters; decided from its byte length alone when that is enough (a character is one
/// to four bytes), so a very long candidate is not even counted.
fn reachable(candidate: &str, length: usize, limit: usize) -> Option<usize> {
    let bytes = candidate.len();
    if bytes + limit < length || bytes > 4 * (length + limit) {
        return None;
    }
    let chars = candidate.chars().count();
    (chars.abs_diff(length) <= limit).then_some(chars)
}

/// Takes `cost` from `budget`; false (and the budget emptied) when it cannot pay.
fn charge(budget: &mut usize, cost: usize) -> bool {
    match budget.checked_sub(cost) {
        Some(left) => {
            *budget = left;
            true
        }
        None => {
            *budget = 0;
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::nearest;

    fn check(word: &str, expect: Option<&str>) {
        let candidates = [
            "rest",
            "grpc",
            "graphql",
            "saml",
            "system",
            "owner",
            "criticality",
        ];
        assert_eq!(nearest(word, candidates), expect, "{word}");
    }

    #[test]
    fn suggestions() {
        check("rests", Some("rest"));
        check("sytem", Some("system"));
        check("ownr", Some("owner"));
        check("criticallity", Some("criticality"));
        check("REST", Some("rest"));
        check("graphq", Some("graphql"));
        check("zz", None);
        check("kafka", None);
    }

    /// Only candidates within reach by length are compared, so a very long word costs
    /// nothing against a short vocabulary.
    #[test]
    fn length_alone_rules_out_far_candidates() {
        let long = "x".repeat(1_000_000);
        let mut budget = 10;
        assert_eq!(
            super::nearest_within(&long, ["rest", "grpc"], &mut budget),
            None
        );
        assert_eq!(budget, 8, "one unit per candidate looked at, none compared");
    }

    #[test]
    fn a_search_the_budget_cannot_pay_for_suggests_nothing() {
        let mut budget = 1_000;
        assert_eq!(
            super::nearest_within("sytem", ["system"], &mut budget),
            Some("system")
        );
        assert_eq!(budget, 1_000 - 1 - 6 * 5);
        let mut budget = 20;
        assert_eq!(
            super::nearest_within("sytem", ["system"], &mut budget),
            None
        );
        assert_eq!(budget, 0);
    }
}
