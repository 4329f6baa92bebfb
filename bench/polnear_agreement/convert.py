#!/usr/bin/env python3
"""Convert one PolNeAR brat .ann file (+ its article text) to the JSON object format of
../shared/data/polnear/README.md:

  {"id": <stem>, "text": <article text, unchanged>,
   "attributions": [{"source": SPAN|null, "cue": SPAN|null, "content": SPAN|null}, ...]}
  SPAN = {"start": int, "end": int, "text": str, "fragments": [[start, end], ...]}

Rules (as in the README):
- offsets are half-open Unicode code-point offsets into `text` (brat offsets are code points);
- `fragments` are the annotated pieces (sorted); start/end run from the first fragment to
  the last and `text == text[start:end]` (so a discontinuous span includes the gap);
- each brat event (E line) is one attribution; its trigger (Attribution /
  Attribution-no-source) is not a role; roles Source, Cue, Content; a second Content argument
  (brat role name "Content2", ...) is merged into `content` as extra fragments;
- events without arguments are dropped; an argument pointing to an entity of another type
  (e.g. a Cue pointing to a Discuss entity) is kept as given;
- Discuss / Discard text-bound entities are not events and are therefore ignored;
- attributions are sorted by cue start (stable; attributions without a cue go last).

Usage: convert.py ANN TXT [ID]   -> prints one JSON line.
As a module: convert(ann_text, text, doc_id, check=True) -> (obj, warnings)
"""
import json
import re
import sys

ROLE_RE = re.compile(r'^([A-Za-z-]+?)(\d*)$')


def parse_ann(ann):
    ents, events = {}, []
    for ln in ann.split('\n'):
        if not ln.strip():
            continue
        if ln[0] == 'T':
            tid, mid, txt = ln.split('\t', 2) if ln.count('\t') >= 2 else (ln.split('\t') + [''])[:3]
            typ, locs = mid.split(' ', 1)
            frags = []
            for piece in locs.split(';'):
                s, e = piece.split()
                frags.append((int(s), int(e)))
            ents[tid] = {'type': typ, 'frags': frags, 'text': txt}
        elif ln[0] == 'E':
            eid, rest = ln.split('\t', 1)
            parts = rest.split()
            trig = parts[0]
            args = []
            for p in parts[1:]:
                role, ref = p.split(':', 1)
                args.append((role, ref))
            events.append({'id': eid, 'trigger': trig, 'args': args})
        # A (attributes), R (relations), # (notes), N, ... are ignored
    return ents, events


def make_span(frags, text):
    frags = sorted(set(frags))
    s, e = frags[0][0], frags[-1][1]
    return {'start': s, 'end': e, 'text': text[s:e], 'fragments': [list(f) for f in frags]}


def norm_ws(s):
    # the repository read tool shows U+00A0 as a plain space; compare modulo that
    return s.replace('\xa0', ' ')


def convert(ann, text, doc_id, check=True):
    warnings = []
    ents, events = parse_ann(ann)
    if check:
        for tid, en in ents.items():
            expect = ' '.join(text[s:e] for s, e in en['frags'])
            if norm_ws(expect) != norm_ws(en['text']):
                warnings.append(f'{doc_id}: {tid} text mismatch: ann={en["text"]!r} txt={expect!r}')
    atts = []
    for ev in events:
        if not ev['args']:
            warnings.append(f'{doc_id}: {ev["id"]} has no arguments: dropped')
            continue
        roles = {'source': [], 'cue': [], 'content': []}
        for role, ref in ev['args']:
            m = ROLE_RE.match(role)
            base, num = m.group(1), m.group(2)
            key = base.lower()
            if key not in roles:
                warnings.append(f'{doc_id}: {ev["id"]} unknown role {role}')
                continue
            if ref not in ents:
                warnings.append(f'{doc_id}: {ev["id"]} argument {ref} undefined')
                continue
            en = ents[ref]
            if en['type'] != base:
                warnings.append(f'{doc_id}: {ev["id"]} {role} points to a {en["type"]} entity (kept)')
            roles[key].append(ref)
        att = {}
        for key in ('source', 'cue', 'content'):
            refs = roles[key]
            if not refs:
                att[key] = None
                continue
            if len(refs) > 1:
                if key == 'content':
                    warnings.append(f'{doc_id}: {ev["id"]} {len(refs)} Content args merged')
                else:
                    warnings.append(f'{doc_id}: {ev["id"]} {len(refs)} {key} args merged')
            frags = [f for r in refs for f in ents[r]['frags']]
            att[key] = make_span(frags, text)
        atts.append(att)
    big = float('inf')
    atts.sort(key=lambda a: a['cue']['start'] if a['cue'] else big)
    return {'id': doc_id, 'text': text, 'attributions': atts}, warnings


def main():
    ann_path, txt_path = sys.argv[1], sys.argv[2]
    doc_id = sys.argv[3] if len(sys.argv) > 3 else re.sub(r'\.txt$', '', txt_path.split('/')[-1])
    ann = open(ann_path, encoding='utf-8', newline='').read()
    text = open(txt_path, encoding='utf-8', newline='').read()
    obj, warns = convert(ann, text, doc_id)
    for w in warns:
        print('WARNING', w, file=sys.stderr)
    print(json.dumps(obj, ensure_ascii=False))


if __name__ == '__main__':
    main()
