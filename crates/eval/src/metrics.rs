//! Counting metrics shared by the tasks.

/// Precision, recall and F1 from true positives, false positives and false negatives
/// (0 where undefined).
pub fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let ratio = |a: usize, b: usize| if b > 0 { a as f64 / b as f64 } else { 0.0 };
    let (p, r) = (ratio(tp, tp + fp), ratio(tp, tp + fn_));
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// F1 alone.
pub fn f1(tp: usize, fp: usize, fn_: usize) -> f64 {
    prf(tp, fp, fn_).2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_counts() {
        let (p, r, f) = prf(3, 1, 2);
        assert!((p - 0.75).abs() < 1e-12 && (r - 0.6).abs() < 1e-12);
        assert!((f - 2.0 * 0.75 * 0.6 / 1.35).abs() < 1e-12);
        assert_eq!(prf(0, 0, 0), (0.0, 0.0, 0.0));
        assert_eq!(f1(0, 3, 4), 0.0);
    }
}
