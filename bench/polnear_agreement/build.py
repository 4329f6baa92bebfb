#!/usr/bin/env python3
"""Build the per-annotator JSON-lines files for inter-annotator agreement.

Usage: build.py WORK_DIR SHARED_POLNEAR_DIR

For each split (train, dev, annotator-training) and each multi-annotated article under
WORK_DIR/raw/<split>/ (<stem>.txt + <stem>_<annotator>.ann, as in the PolNeAR repository),
convert every annotator's .ann with convert.py and write
  WORK_DIR/<split>/<annotator>.jsonl   one line per article that annotator did, sorted by id
  WORK_DIR/<split>/articles.tsv        article <TAB> comma-separated annotators
Article text: train/dev use the `text` of the article in SHARED_POLNEAR_DIR/{split}.jsonl
(asserted identical to raw/<split>/<stem>.txt); annotator-training uses raw/<split>/<stem>.txt.
Also validates: the 4b22 conversion of every train/dev article must equal the attributions of
that article in the shared jsonl (written to validation.txt), and logs converter warnings.
"""
import glob, json, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from convert import convert

if len(sys.argv) != 3:
    raise SystemExit(__doc__)
BASE, SHARED = sys.argv[1], sys.argv[2]
ref = {}
for sp in ('train', 'dev'):
    for l in open(f'{SHARED}/{sp}.jsonl', encoding='utf-8'):
        d = json.loads(l)
        ref[d['id']] = d

val_lines, warn_lines = [], []
for split in ('train', 'dev', 'annotator-training'):
    arts = {}
    for annp in glob.glob(f'{BASE}/raw/{split}/*.ann'):
        stem, ann_id = re.match(r'(.*)_([0-9a-f]{4})\.ann$', os.path.basename(annp)).groups()
        arts.setdefault(stem, []).append(ann_id)
    out_dir = f'{BASE}/{split}'
    os.makedirs(out_dir, exist_ok=True)
    for f in glob.glob(f'{out_dir}/*.jsonl'):
        os.remove(f)
    per_annot = {}
    with open(f'{out_dir}/articles.tsv', 'w', encoding='utf-8') as tsv:
        tsv.write('article\tannotators\n')
        for stem in sorted(arts):
            annots = sorted(arts[stem])
            tsv.write(f'{stem}\t{",".join(annots)}\n')
            raw_text = open(f'{BASE}/raw/{split}/{stem}.txt', encoding='utf-8', newline='').read()
            if split in ('train', 'dev'):
                text = ref[stem]['text']
                assert raw_text == text, stem
            else:
                text = raw_text
            for a in annots:
                ann = open(f'{BASE}/raw/{split}/{stem}_{a}.ann', encoding='utf-8', newline='').read()
                obj, warns = convert(ann, text, stem)
                for w in warns:
                    warn_lines.append(f'{split}\t{a}\t{w}')
                    if 'mismatch' in w or 'undefined' in w or 'unknown role' in w:
                        raise SystemExit('conversion problem: ' + w)
                per_annot.setdefault(a, []).append(obj)
                if split in ('train', 'dev') and a == '4b22':
                    exp = ref[stem]['attributions']
                    ok = obj['attributions'] == exp
                    val_lines.append(f'{split}\t{stem}\t{"EXACT" if ok else "MISMATCH"}\t'
                                     f'{len(obj["attributions"])}\t{len(exp)}')
    for a, objs in sorted(per_annot.items()):
        with open(f'{out_dir}/{a}.jsonl', 'w', encoding='utf-8') as f:
            for obj in sorted(objs, key=lambda o: o['id']):
                f.write(json.dumps(obj, ensure_ascii=False) + '\n')
    print(split, len(arts), 'articles;', ', '.join(f'{a}:{len(o)}' for a, o in sorted(per_annot.items())))

with open(f'{BASE}/validation.txt', 'w') as f:
    f.write('split\tarticle\tresult\tn_converted\tn_in_shared_jsonl\n' + '\n'.join(val_lines) + '\n')
with open(f'{BASE}/conversion_warnings.txt', 'w', encoding='utf-8') as f:
    f.write('\n'.join(warn_lines) + '\n')
n_ok = sum('\tEXACT\t' in l for l in val_lines)
print(f'validation: {n_ok}/{len(val_lines)} 4b22 conversions EXACT')
print(len(warn_lines), 'converter warnings -> conversion_warnings.txt')
