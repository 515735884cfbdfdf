#include "GuiBench.h"

#include "MainWindow.h"
#include "Measure.h"
#include "ProjectController.h"
#include "SyntheticProject.h"
#include "chart/CutAxisMapping.h"
#include "chart/RankedCurveView.h"
#include "widgets/ChartArea.h"

#include <QApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace qc;
using namespace qc::gui;

namespace {

// An op in the middle of the ranked order: INT8 in the larger profiles, so keeping it moves every cut's
// contents. Each sample takes another one, so that nothing is left over from the sample before.
int rankedOp(const Project& project, int sample)
{
    const Ranking& r = project.ranking();
    if (r.eligibleUnits() == 0)
        return 0;
    const int k = std::clamp(r.eligibleUnits() / 2 + 7 * sample, 0, r.eligibleUnits() - 1);
    return r.units[size_t(r.order[size_t(k)])].members.front();
}

// One hand edit (keep an op), its undo, one rule toggled (the first rule enabled or disabled) and its undo,
// each with the event processing it causes: what pressing K, Ctrl+Z or a rule's checkbox costs.
void benchEdits(MainWindow& window, int n)
{
    ProjectController* controller = window.controller();
    auto timed = [](qcbench::Samples& samples, const auto& step) {
        QElapsedTimer timer;
        timer.start();
        step();
        QApplication::processEvents();
        samples.add(double(timer.nsecsElapsed()) / 1e6);
    };
    qcbench::Samples edit;
    qcbench::Samples undo;
    qcbench::Samples rule;
    qcbench::Samples ruleUndo;
    for (int i = 0; i < 7; ++i) {
        const int op = rankedOp(controller->project(), i);
        timed(edit, [&] { controller->setOverride(op, Override::Action::Keep); });
        timed(undo, [&] { controller->undoStack()->undo(); });
        RuleSet rules = controller->project().rules();
        if (rules.isEmpty())
            continue;
        rules.rules().front().enabled = !rules.rules().front().enabled;
        timed(rule, [&] { controller->setRules(rules, QStringLiteral("Toggle a rule")); });
        timed(ruleUndo, [&] { controller->undoStack()->undo(); });
    }
    qcbench::printResult("gui.edit", n, edit);
    qcbench::printResult("gui.undo", n, undo);
    qcbench::printResult("gui.rule", n, rule);
    qcbench::printResult("gui.rule.undo", n, ruleUndo);
}

} // namespace

void runGuiBenchmarks(const QList<int>& opCounts)
{
    if (!qApp) {
        std::fprintf(stderr, "runGuiBenchmarks: create a QApplication first\n");
        return;
    }
    for (const int n : opCounts) {
        const Project project = makeSyntheticProject(n);
        MainWindow window;
        window.resize(MainWindow::kDefaultSize);
        window.show();
        QApplication::processEvents();

        // What finishing a load costs the GUI thread: ProjectLoader has parsed and recomputed the project in
        // the background, the controller adopts it as is and models, charts and panels follow. The copy of
        // the project (a loader hands over its own) is made outside the timer.
        qcbench::Samples load;
        for (int i = 0; i < 5; ++i) {
            Project loaded = project;
            QElapsedTimer timer;
            timer.start();
            window.controller()->resetProject(std::move(loaded));
            QApplication::processEvents();
            load.add(double(timer.nsecsElapsed()) / 1e6);
        }
        qcbench::printResult("gui.load", n, load);
        // The same with a recompute on the GUI thread (opening a project built in memory, undoing a rule
        // change): what every load paid before the loader's result was adopted.
        qcbench::Samples reload;
        for (int i = 0; i < 5; ++i) {
            ProjectInputs inputs = project.inputs();
            QElapsedTimer timer;
            timer.start();
            window.controller()->resetProject(Project(std::move(inputs)));
            QApplication::processEvents();
            reload.add(double(timer.nsecsElapsed()) / 1e6);
        }
        qcbench::printResult("gui.load.recompute", n, reload);

        // Exactly what a handle drag does: the handle reports a pixel, the view snaps it to a unit boundary
        // and pushes a merging cut command; the controller re-cuts and re-checks; models, stats, bands and
        // handles follow; then the event loop paints the changed region.
        ProjectController* controller = window.controller();
        RankedCurveView* view = window.chartArea()->rankedCurve();
        const CutAxisMapping map = view->mapping();
        const int dragId = controller->beginDrag();
        qcbench::Samples drag;
        for (int step = 0; step < 50; ++step) {
            const double x = map.xAt(0.5) + (step % 2 == 0 ? 1.0 : -1.0) * (3.0 + step); // wiggle around B
            QElapsedTimer timer;
            timer.start();
            const Project& p = controller->project();
            const double cut = ProfileCutter::snapCut(p.ranking(), p.cutPlan().by, map.valueAt(x));
            controller->setCut(1, cut, dragId);
            QApplication::processEvents();
            drag.add(double(timer.nsecsElapsed()) / 1e6);
        }
        qcbench::printResult("gui.drag", n, drag);
        benchEdits(window, n);
    }
}
