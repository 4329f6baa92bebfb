//! Claims: assertions (who claims, blames, denies, warns …) merged per subject, predicate and
//! object across documents, and marked contested where another claim disputes them.

use dossier_model::{Claim, Predicate};

/// Marks contested claims: blame of X is contested when X denies something; a claim of
/// responsibility for an event is contested when someone else is blamed; a warning is contested
/// when it is dismissed.
pub fn mark_contested(claims: &mut [Claim]) {
    let snapshot: Vec<(Option<String>, Predicate, Option<String>)> = claims
        .iter()
        .map(|c| (c.subject.clone(), c.predicate, c.object.clone()))
        .collect();
    for c in claims.iter_mut() {
        c.contested = match c.predicate {
            Predicate::Blamed | Predicate::Accused => snapshot
                .iter()
                .any(|(s, p, _)| *p == Predicate::Denied && s.is_some() && *s == c.object),
            Predicate::ClaimedResponsibility => snapshot.iter().any(|(_, p, o)| {
                matches!(p, Predicate::Blamed | Predicate::Accused)
                    && o.is_some()
                    && *o != c.subject
            }),
            Predicate::Denied => snapshot.iter().any(|(_, p, o)| {
                matches!(p, Predicate::Blamed | Predicate::Accused)
                    && o.is_some()
                    && *o == c.subject
            }),
            Predicate::Warned => snapshot.iter().any(|(_, p, _)| *p == Predicate::Dismissed),
            Predicate::Dismissed => snapshot.iter().any(|(_, p, _)| *p == Predicate::Warned),
            _ => false,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(s: &str, p: Predicate, o: &str) -> Claim {
        Claim {
            subject: Some(s.into()),
            predicate: p,
            object: Some(o.into()),
            docs: vec![0],
            evidence: vec![],
            hedged: false,
            contested: false,
        }
    }

    #[test]
    fn blame_and_denial_contest_each_other() {
        let mut claims = vec![
            claim("isk", Predicate::ClaimedResponsibility, "attack-1"),
            claim("russia", Predicate::Blamed, "ukraine"),
            claim("ukraine", Predicate::Denied, "attack-1"),
            claim("us", Predicate::Confirmed, "attack-1"),
        ];
        mark_contested(&mut claims);
        let contested: Vec<bool> = claims.iter().map(|c| c.contested).collect();
        assert_eq!(contested, [true, true, true, false]);
    }
}
