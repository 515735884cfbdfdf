#!/usr/bin/env python3
"""The folders of core/ form layers that only point down (docs/ARCHITECTURE.md): fails on an include of a
folder that is not above the including one in LAYERS."""
import pathlib, re, sys

LAYERS = ['io', 'inventory', 'metrics', 'reconcile', 'rules', 'ranking', 'profile', 'outcomes', 'project',
          'check', 'document', 'load', 'budget', 'export', 'patterns', 'compare', 'tradeoff', 'report']
core = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else 'core')
rank = {name: i for i, name in enumerate(LAYERS)}
bad = []
for path in sorted(core.rglob('*')):
    if path.suffix not in ('.h', '.cpp'):
        continue
    folder = path.relative_to(core).parts[0]
    if folder not in rank:
        bad.append(f'{path}: folder {folder} is not in the layer list')
        continue
    for n, line in enumerate(path.read_text().splitlines(), 1):
        m = re.match(r'#include "([a-z]+)/', line)
        if m and m.group(1) != folder and rank.get(m.group(1), len(LAYERS)) >= rank[folder]:
            bad.append(f'{path}:{n}: {folder}/ includes {m.group(1)}/, which is not below it')
print('\n'.join(bad) or f'{len(LAYERS)} layers, every include points down')
sys.exit(1 if bad else 0)
