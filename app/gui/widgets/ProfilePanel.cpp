#include "ProfilePanel.h"

#include "MetricText.h"
#include "ProjectController.h"
#include "chart/ProfileColors.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace qc::gui {

ProfilePanel::ProfilePanel(ProjectController* controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    auto* measureRow = new QHBoxLayout;
    m_cutBy = new QComboBox(this);
    // Same order as CutPlan::CutBy.
    m_cutBy->addItem(tr("fraction of ops"), int(CutPlan::CutBy::Ops));
    m_cutBy->addItem(tr("fraction of params"), int(CutPlan::CutBy::Params));
    m_cutBy->addItem(tr("op count"), int(CutPlan::CutBy::Count));
    m_cutBy->addItem(tr("score threshold"), int(CutPlan::CutBy::Score));
    m_cutBy->addItem(tr("budget: effective bits"), int(CutPlan::CutBy::Bits));
    m_cutBy->addItem(tr("budget: weight GB"), int(CutPlan::CutBy::MemoryGb));
    m_cutBy->setToolTip(
        tr("What a cut measures: the fraction of eligible ops or parameters quantized, the "
           "number of ops, a combined-sensitivity threshold, or a budget (effective bits per "
           "weight, weight memory in GB) that the smallest prefix meeting it takes. Changing it "
           "keeps every profile's ops (undoable)."));
    m_combine = new QComboBox(this);
    m_combine->setToolTip(
        tr("How the metrics combine into one ranking: the mean or the max of the normalized "
           "ranks, one metric alone, or a weighted mean of ranks (undoable)"));
    auto* cutByLabel = new QLabel(tr("Cut &by:"), this);
    cutByLabel->setBuddy(m_cutBy);
    auto* combineLabel = new QLabel(tr("&Rank by:"), this);
    combineLabel->setBuddy(m_combine);
    measureRow->addWidget(cutByLabel);
    measureRow->addWidget(m_cutBy, 1);
    measureRow->addWidget(combineLabel);
    measureRow->addWidget(m_combine, 1);
    layout->addLayout(measureRow);
    m_weightRow = new QWidget(this);
    m_weightLayout = new QHBoxLayout(m_weightRow);
    m_weightLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_weightRow);
    connect(m_cutBy, &QComboBox::activated, this,
        [this] { m_controller->setCutBy(CutPlan::CutBy(m_cutBy->currentData().toInt())); });
    connect(m_combine, &QComboBox::activated, this, &ProfilePanel::applyCombineChoice);

    m_grid = new QGridLayout;
    m_grid->setHorizontalSpacing(6);
    layout->addLayout(m_grid);
    auto* suggest = new QPushButton(tr("Suggest cuts at natural breaks"), this);
    suggest->setToolTip(tr("Put the cuts at the largest jumps of log combined sensitivity (undoable)"));
    connect(suggest, &QPushButton::clicked, this, &ProfilePanel::suggestRequested);
    layout->addWidget(suggest);
    connect(controller, &ProjectController::projectReset, this, &ProfilePanel::rebuildRows);
    connect(controller, &ProjectController::projectReset, this, &ProfilePanel::rebuildCombine);
    connect(controller, &ProjectController::cutsChanged, this, &ProfilePanel::refreshValues);
    connect(controller, &ProjectController::rankingChanged, this, &ProfilePanel::refreshValues);
    connect(controller, &ProjectController::rankingChanged, this, &ProfilePanel::refreshCombine);
    rebuildRows();
    rebuildCombine();
}

void ProfilePanel::rebuildCombine()
{
    const Project& p = m_controller->project();
    {
        const QSignalBlocker block(m_combine);
        m_combine->clear();
        m_combine->addItem(tr("mean rank"), QStringLiteral("mean-rank"));
        m_combine->addItem(tr("max rank"), QStringLiteral("max-rank"));
        for (const Metric& m : p.metrics())
            m_combine->addItem(tr("%1 only").arg(metricShortName(m)), m.id);
        if (p.metrics().size() > 1)
            m_combine->addItem(tr("weighted ranks"), QStringLiteral("weighted"));
    }
    for (QDoubleSpinBox* box : m_weights)
        delete box;
    m_weights.clear();
    while (QLayoutItem* item = m_weightLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_weightLayout->addWidget(new QLabel(tr("Weights:"), m_weightRow));
    for (size_t i = 0; i < p.metrics().size(); ++i) {
        const Metric& m = p.metrics()[i];
        auto* label = new QLabel(metricAbbreviation(m), m_weightRow);
        label->setToolTip(metricToolTip(m));
        auto* box = new QDoubleSpinBox(m_weightRow);
        box->setRange(0.0, 100.0);
        box->setDecimals(2);
        box->setSingleStep(0.25);
        box->setKeyboardTracking(false);
        box->setToolTip(tr("Weight of %1 in the weighted mean of ranks").arg(metricShortName(m)));
        label->setBuddy(box);
        m_weightLayout->addWidget(label);
        m_weightLayout->addWidget(box, 1);
        connect(box, &QDoubleSpinBox::valueChanged, this, &ProfilePanel::applyCombineChoice);
        m_weights.push_back(box);
    }
    refreshCombine();
}

void ProfilePanel::refreshCombine()
{
    const Project& p = m_controller->project();
    const CombineSpec& spec = p.combine();
    const QSignalBlocker b1(m_cutBy), b2(m_combine);
    m_cutBy->setCurrentIndex(m_cutBy->findData(int(p.cutPlan().by)));
    QString key;
    switch (spec.method) {
    case CombineSpec::Method::MeanRank:
        key = QStringLiteral("mean-rank");
        break;
    case CombineSpec::Method::MaxRank:
        key = QStringLiteral("max-rank");
        break;
    case CombineSpec::Method::Single:
        key = spec.metric;
        break;
    case CombineSpec::Method::Weighted:
        key = QStringLiteral("weighted");
        break;
    }
    m_combine->setCurrentIndex(m_combine->findData(key));
    const bool weighted = spec.method == CombineSpec::Method::Weighted;
    for (size_t i = 0; i < m_weights.size() && i < p.metrics().size(); ++i) {
        const QSignalBlocker block(m_weights[i]);
        m_weights[i]->setValue(weighted ? spec.weightOf(p.metrics()[i].id) : 1.0);
    }
    m_weightRow->setVisible(weighted);
}

void ProfilePanel::applyCombineChoice()
{
    const Project& p = m_controller->project();
    const QString key = m_combine->currentData().toString();
    CombineSpec spec;
    if (key == QLatin1String("mean-rank")) {
        spec.method = CombineSpec::Method::MeanRank;
    } else if (key == QLatin1String("max-rank")) {
        spec.method = CombineSpec::Method::MaxRank;
    } else if (key == QLatin1String("weighted")) {
        spec.method = CombineSpec::Method::Weighted;
        double total = 0.0;
        for (size_t i = 0; i < m_weights.size() && i < p.metrics().size(); ++i) {
            spec.weights.emplace_back(p.metrics()[i].id, m_weights[i]->value());
            total += m_weights[i]->value();
        }
        if (!(total > 0.0)) {
            refreshCombine(); // all weights zero rank nothing: keep the current combination
            return;
        }
    } else {
        spec.method = CombineSpec::Method::Single;
        spec.metric = key;
    }
    m_controller->setCombine(spec);
    refreshCombine(); // an unchanged choice pushes nothing: show the project's state again
}

void ProfilePanel::rebuildRows()
{
    for (const Row& row : m_rows) {
        delete row.name;
        delete row.label;
        delete row.slider;
        delete row.spin;
        delete row.stats;
    }
    m_rows.clear();
    const Project& p = m_controller->project();
    for (int i = 0; i < p.profileCount(); ++i) {
        Row row;
        row.name = new QLineEdit(this);
        row.name->setMaximumWidth(36);
        row.name->setToolTip(tr("Profile name (identifies it in files)"));
        row.name->setStyleSheet(
            QStringLiteral("QLineEdit { border-left: 5px solid %1; }").arg(profileColor(i).name()));
        row.label = new QLineEdit(this);
        row.label->setMaximumWidth(80);
        row.label->setToolTip(tr("Profile label"));
        row.slider = new QSlider(Qt::Horizontal, this);
        row.slider->setRange(0, kSliderSteps);
        row.slider->setToolTip(tr("Drag to move the cut; one undo step per drag"));
        row.slider->setMinimumWidth(40); // shrinks first: the numbers beside it must stay readable
        row.spin = new QDoubleSpinBox(this);
        row.spin->setKeyboardTracking(false);
        row.spin->setToolTip(tr("The cut in the plan's measure"));
        row.stats = new QLabel(this);
        // A fixed size, that of the widest text this inventory gives: a label of fixed size does not ask the
        // dock to lay itself out again on each new text (4 ms per drag step).
        row.stats->setFixedSize(std::max(90,
                                    row.stats->fontMetrics().horizontalAdvance(statsText(
                                        p.inventory().size(), std::max<qint64>(1, p.inventory().size())))
                                        + 2),
            row.stats->sizeHint().height());
        m_grid->addWidget(row.name, i, 0);
        m_grid->addWidget(row.label, i, 1);
        m_grid->addWidget(row.slider, i, 2);
        m_grid->addWidget(row.spin, i, 3);
        m_grid->addWidget(row.stats, i, 4);
        connect(row.name, &QLineEdit::editingFinished, this,
            [this, i] { renameProfile(i, false, m_rows[size_t(i)].name->text()); });
        connect(row.label, &QLineEdit::editingFinished, this,
            [this, i] { renameProfile(i, true, m_rows[size_t(i)].label->text()); });
        connect(row.slider, &QSlider::sliderPressed, this,
            [this] { m_sliderDragId = m_controller->beginDrag(); });
        connect(row.slider, &QSlider::sliderReleased, this, [this] { m_sliderDragId = 0; });
        connect(row.slider, &QSlider::valueChanged, this, [this, i](int value) {
            const double cut = m_controller->maxCut() * value / kSliderSteps;
            m_controller->setCut(i, cut, m_rows[size_t(i)].slider->isSliderDown() ? m_sliderDragId : 0);
        });
        connect(row.spin, &QDoubleSpinBox::valueChanged, this,
            [this, i](double value) { m_controller->setCut(i, value); });
        m_rows.push_back(row);
    }
    m_grid->setColumnStretch(2, 1);
    refreshValues();
}

QString ProfilePanel::statsText(qint64 ops, qint64 totalOps)
{
    return tr("%1 ops (%2% of all)")
        .arg(QLocale().toString(ops))
        .arg(totalOps ? 100.0 * double(ops) / double(totalOps) : 0.0, 0, 'f', 1);
}

void ProfilePanel::refreshValues()
{
    const Project& p = m_controller->project();
    if (int(m_rows.size()) != p.profileCount())
        return rebuildRows();
    const double maxCut = m_controller->maxCut();
    const bool count = p.cutPlan().by == CutPlan::CutBy::Count;
    const qint64 totalOps = p.inventory().size();
    for (int i = 0; i < p.profileCount(); ++i) {
        const Row& row = m_rows[size_t(i)];
        const ProfileSpec& spec = p.cutPlan().profiles[size_t(i)];
        const QSignalBlocker b1(row.slider), b2(row.spin);
        if (!row.name->hasFocus())
            row.name->setText(spec.name);
        if (!row.label->hasFocus())
            row.label->setText(spec.label);
        if (!row.slider->isSliderDown())
            row.slider->setValue(maxCut > 0 ? int(std::lround(spec.cut / maxCut * kSliderSteps)) : 0);
        // Each of these re-measures the spin box and re-lays out the dock, even unchanged: a drag step
        // changes only the value.
        if (row.spin->decimals() != (count ? 0 : 3))
            row.spin->setDecimals(count ? 0 : 3);
        if (row.spin->minimum() != 0.0 || row.spin->maximum() != maxCut)
            row.spin->setRange(0.0, maxCut);
        row.spin->setSingleStep(count ? 1.0 : 0.01);
        row.spin->setValue(spec.cut);
        const ProfileCut& cut = p.cuts()[size_t(i)];
        const QString stats = statsText(cut.ops, totalOps);
        if (row.stats->text() != stats)
            row.stats->setText(stats);
    }
}

void ProfilePanel::renameProfile(int profile, bool label, const QString& text)
{
    CutPlan plan = m_controller->project().cutPlan();
    ProfileSpec& spec = plan.profiles[size_t(profile)];
    const QString old = spec.name;
    const QString value = text.trimmed();
    if (label) {
        spec.label = value;
    } else {
        // "baseline" names the unquantized model among the outcomes.
        const bool clash = value == QLatin1String(Outcome::kBaseline)
            || std::any_of(plan.profiles.begin(), plan.profiles.end(),
                [&](const ProfileSpec& s) { return &s != &spec && s.name == value; });
        if (value.isEmpty() || clash) {
            refreshValues();
            return;
        }
        spec.name = value;
    }
    const std::vector<Outcome>& outcomes = m_controller->project().outcomes();
    if (!label && value != old && std::any_of(outcomes.begin(), outcomes.end(), [&](const Outcome& o) {
            return o.profile == old;
        })) {
        // The profile's measured outcomes follow its new name, in the same undo step.
        ProjectInputs inputs = m_controller->project().inputs();
        inputs.cutPlan = plan;
        for (Outcome& o : inputs.outcomes) {
            if (o.profile == old)
                o.profile = value;
        }
        m_controller->adoptProject(Project(std::move(inputs)), tr("Rename profile to %1").arg(value));
        return;
    }
    m_controller->setCutPlan(
        plan, label ? tr("Relabel profile %1").arg(spec.name) : tr("Rename profile to %1").arg(value));
}

} // namespace qc::gui
