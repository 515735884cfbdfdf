#pragma once

#include <QList>

// GUI measurements for the benchmark executable. The CALLER MUST HAVE CREATED A QApplication (the bench main
// creates one when QUANTCUT_BENCH_GUI is defined; QT_QPA_PLATFORM=offscreen works). For each op count it
// builds a synthetic MoE project, opens the main window offscreen and prints
//   bench gui.load ops=<N> median_ms=<x> p99_ms=<y>    (reset the window to a new project: models, charts)
//   bench gui.drag ops=<N> median_ms=<x> p99_ms=<y>    (one drag step: set a cut, re-cut, violations,
//                                                       table, stats, handles; then the repaint it causes)
//   bench gui.edit ops=<N> ...                         (one hand edit: keep an op, as K does)
//   bench gui.undo ops=<N> ...                         (undo of that hand edit)
//   bench gui.rule ops=<N> ...                         (one rule enabled or disabled)
//   bench gui.rule.undo ops=<N> ...                    (undo of that rule change)
void runGuiBenchmarks(const QList<int>& opCounts);
