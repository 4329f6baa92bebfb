#!/usr/bin/env bash
# Pairwise agreement between PolNeAR's annotators on the articles several of them annotated,
# with the metrics `dossier eval quotes` scores our annotator with (Citron's, on our tokens).
# Usage: bench/polnear_agreement/agreement.sh WORK_DIR/train  (after build.py; see README.md)
set -euo pipefail
dir=${1:?usage: agreement.sh DIR_WITH_ANNOTATOR_JSONL}
dossier=${DOSSIER:-target/release/dossier}
mapfile -t annotators < <(ls "$dir"/*.jsonl | xargs -n1 basename | sed 's/\.jsonl$//')
printf '%-5s %-5s %9s %10s %12s %13s\n' a b cue_exact src_exact src_overlap cont_overlap
for ((i = 0; i < ${#annotators[@]}; i++)); do
  for ((j = i + 1; j < ${#annotators[@]}; j++)); do
    a=${annotators[$i]} b=${annotators[$j]}
    "$dossier" eval quotes "$dir/$a.jsonl" --against "$dir/$b.jsonl" |
      awk -v a="$a" -v b="$b" '/ cue /{c=$8} / source /{s=$8; so=$15} / content /{co=$15}
        END {printf "%-5s %-5s %9s %10s %12s %13s\n", a, b, c, s, so, co}'
  done
done
