"""Runs ../shared/speakers' two scorers on the whole dev set and on two fixed halves of it (by a hash of each
article's id), so work can be tuned on half A while half B stays aside. Called by scripts/eval-speakers."""
import hashlib
import os
import subprocess
import sys

shared, out = sys.argv[1], sys.argv[2]
spk = os.path.join(shared, 'speakers')


def half(name):
    return 'A' if hashlib.sha256(name.encode()).digest()[0] % 2 == 0 else 'B'


def subset(src, dst, key, which):
    os.makedirs(dst, exist_ok=True)
    for fn in os.listdir(src):
        if which == 'all' or half(key(fn)) == which:
            link = os.path.join(dst, fn)
            if not os.path.exists(link):
                os.symlink(os.path.abspath(os.path.join(src, fn)), link)


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    return r.stdout + r.stderr


for which in ('all', 'A', 'B'):
    d = os.path.join(out, 'half-' + which)
    subset(os.path.join(spk, 'polnear-dev'), os.path.join(d, 'polnear'), lambda f: f.split('.')[0], which)
    subset(os.path.join(spk, 'page-quotes'), os.path.join(d, 'pages'), lambda f: f[:12], which)
    print(f'== {which} ==')
    print(run(['python3', os.path.join(spk, 'eval_speakers.py'), '--gold', os.path.join(shared, 'polnear/dev/gold.jsonl'),
               '--speakers', os.path.join(d, 'polnear'), '--pred', os.path.join(out, 'polnear.jsonl'),
               '--errors', os.path.join(out, f'polnear-errors-{which}.tsv')]))
    print(run(['python3', os.path.join(spk, 'eval_page_quotes.py'), '--gold', os.path.join(d, 'pages'),
               '--pred', os.path.join(out, 'pages.jsonl'), '--errors', os.path.join(out, f'pages-errors-{which}.tsv')]))
