#!/usr/bin/env python3
"""Inclusive and self time per frame under a root frame, from a dotnet-trace speedscope file.

    speedscope-top.py TRACE.speedscope.json "PageParser.Parse(" [N]
    speedscope-top.py TRACE.speedscope.json '*' [N]            # every thread, every sample
    speedscope-top.py TRACE.speedscope.json --callers "HtmlParser.ParseDocument("

Only time spent below the root frame counts, so the harness's parse-only rounds are left out.
"""
import collections
import json
import sys


def spans(trace):
    """Yields (stack of frame names, duration) for every interval of every thread's evented profile."""
    frames = [f['name'] for f in trace['shared']['frames']]
    for profile in trace['profiles']:
        stack, previous = [], None
        for event in profile['events']:
            if previous is not None and stack:
                yield [frames[i] for i in stack], event['at'] - previous
            if event['type'] == 'O':
                stack.append(event['frame'])
            elif stack:
                stack.pop()
            previous = event['at']


def short(name):
    return name.split('!')[-1][:110]


def main():
    trace = json.load(open(sys.argv[1]))
    if sys.argv[2] == '--callers':
        target, callers, total = sys.argv[3], collections.Counter(), 0
        for names, weight in spans(trace):
            for i, name in enumerate(names):
                if target in name and i > 0:
                    callers[' <- '.join(short(n) for n in names[max(0, i - 3):i][::-1])] += weight
                    total += weight
                    break
        for chain, weight in callers.most_common(10):
            print(f'{100 * weight / total:5.1f}% {chain}')
        return

    root, top = sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 40
    inclusive, total = collections.Counter(), 0
    for names, weight in spans(trace):
        # CPU only: dotnet-trace marks running samples with a CPU_TIME leaf (waiting threads would swamp the rest).
        if names[-1] != 'CPU_TIME':
            continue
        roots = [0] if root == '*' else [i for i, n in enumerate(names) if root in n]
        if not roots:
            continue
        below = names[roots[-1]:]
        total += weight
        for name in set(below):
            inclusive[name] += weight
    print(f'CPU time under {root}: {total / 1000:.1f} s')
    for name, weight in inclusive.most_common(top):
        print(f'{100 * weight / total:5.1f}% {short(name)}')


main()
