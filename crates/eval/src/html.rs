//! Main-text extraction scored on trafilatura's evaluation set (see its README for the rule).
