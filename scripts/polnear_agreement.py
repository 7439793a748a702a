#!/usr/bin/env python3
"""How far PolNeAR's own annotators agree, scored with the benchmark's scorer.

    polnear_agreement.py --polnear DIR [--pred-dir DIR] [--samples N]

Some PolNeAR articles were annotated by two annotators. For each split this
scores the second annotator's attributions (the one with the larger id) as if
they were predictions against the first annotator's (the smaller id, the one
`gold.jsonl` holds), with `eval_attribution.py` itself: the agreement any
system's figures can be read against. With --pred-dir (a directory holding
`<split>/pred.jsonl`, as `scripts/eval-attribution` leaves them), whosaid's
own predictions for the same articles are scored against each annotator too.

The 95% intervals come from resampling the articles with replacement
(--samples times, fixed seed), so they show how much the figures depend on
which few articles happen to be doubly annotated.
"""
import argparse
import os
import random
import sys

METRICS = (('attr', 'attr_f1'), ('source_exact', 'source_exact_f1'), ('cue_exact', 'cue_exact_f1'),
           ('content_lenient', 'content_lenient_f1'), ('content_token', 'content_overlap_f1'),
           ('direct', 'direct_attr_f1'))


def doubly_annotated(polnear, split):
    """[(first annotator's gold doc, second annotator's gold doc)] for the split's articles with two files."""
    pairs = []
    for name, _ in polnear.split_articles(ROOT, split):
        files = polnear.ann_files_for(ROOT, split, name)
        if len(files) < 2:
            continue
        first, second = sorted(files)[:2]
        text = polnear.read_text(os.path.join(ROOT, split, 'text', name + '.txt'))
        docs = []
        for annotator in (first, second):
            atts = polnear.ann_to_attributions(*polnear.parse_ann(files[annotator]))
            docs.append({'id': name, 'text': text, 'annotator': annotator, 'attributions': atts})
        pairs.append(tuple(docs))
    return pairs


def figures(scorer, gold, pred):
    metrics, _ = scorer.evaluate(gold, pred)
    return {label: metrics[key]['f1'] for key, label in METRICS}


def intervals(scorer, gold, pred, samples):
    """95% intervals of each figure over articles resampled with replacement."""
    rng = random.Random(20161108)
    runs = {label: [] for _, label in METRICS}
    for _ in range(samples):
        picks = [rng.randrange(len(gold)) for _ in gold]
        g = [dict(gold[i], id=str(n)) for n, i in enumerate(picks)]
        p = [dict(pred[i], id=str(n)) for n, i in enumerate(picks)]
        for label, value in figures(scorer, g, p).items():
            runs[label].append(value)
    out = {}
    for label, values in runs.items():
        values.sort()
        out[label] = (values[int(0.025 * len(values))], values[int(0.975 * len(values)) - 1])
    return out


def row(name, values, spans=None):
    cells = []
    for _, label in METRICS:
        cell = '%.3f' % values[label]
        if spans:
            cell += ' (%.3f-%.3f)' % spans[label]
        cells.append(cell)
    return '| %s | %s |' % (name, ' | '.join(cells))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--polnear', required=True, help='the PolNeAR folder (metadata.tsv, dev/, train/, the scorer)')
    ap.add_argument('--pred-dir', help='folder with <split>/pred.jsonl from whosaid extract --verbatim')
    ap.add_argument('--samples', type=int, default=1000, help='resamplings for the 95%% intervals (0: none)')
    args = ap.parse_args()
    global ROOT
    ROOT = args.polnear
    sys.path.insert(0, ROOT)
    import eval_attribution as scorer
    import polnear

    header = '| who, scored against the first annotator | ' + ' | '.join(label for _, label in METRICS) + ' |'
    print(header)
    print('|' + '---|' * (len(METRICS) + 1))
    everything = ([], [])
    for split in ('dev', 'train'):
        pairs = doubly_annotated(polnear, split)
        if not pairs:
            continue
        first = [a for a, _ in pairs]
        second = [b for _, b in pairs]
        count = sum(len(d['attributions']) for d in first)
        everything[0].extend(first)
        everything[1].extend(second)
        print(row('%s: second annotator (%d articles, %d attributions)' % (split, len(pairs), count),
                  figures(scorer, first, list(scorer.gold_as_pred(second)))))
        path = os.path.join(args.pred_dir, split, 'pred.jsonl') if args.pred_dir else None
        if path and os.path.isfile(path):
            ids = {d['id'] for d in first}
            ours = [p for p in scorer.read_jsonl(path) if scorer.doc_id(p) in ids]
            print(row('%s: whosaid' % split, figures(scorer, first, ours)))
            print(row('%s: whosaid, against the second annotator' % split, figures(scorer, second, ours)))
    first, second = everything
    if first:
        pred = list(scorer.gold_as_pred(second))
        spans = intervals(scorer, first, pred, args.samples) if args.samples else None
        print(row('both splits: second annotator (%d articles), 95%% interval' % len(first),
                  figures(scorer, first, pred), spans))
    return 0


if __name__ == '__main__':
    sys.exit(main())
