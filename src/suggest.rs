//! "Did you mean …?": the nearest candidate to a misspelled name.
//!
//! Uses `strsim` (already in the tree through clap) with a distance bound that grows with
//! the word, so that short words only match close misspellings.

/// The candidate closest to `word` by Damerau–Levenshtein distance, if it is close enough
/// to be a plausible misspelling. Ties go to the first candidate, so results are stable.
pub fn nearest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let limit = match word.chars().count() {
        0..=2 => 1,
        3..=5 => 2,
        _ => 3,
    };
    let lower = word.to_ascii_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(&lower, c), c))
        .filter(|&(d, c)| d <= limit && d < c.chars().count())
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
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
}
