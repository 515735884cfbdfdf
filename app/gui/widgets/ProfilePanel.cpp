#include "ProfilePanel.h"

#include "ProjectController.h"
#include "chart/ProfileColors.h"

#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QVBoxLayout>
#include <cmath>

namespace qc::gui {

ProfilePanel::ProfilePanel(ProjectController* controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_grid = new QGridLayout;
    m_grid->setHorizontalSpacing(6);
    layout->addLayout(m_grid);
    auto* suggest = new QPushButton(tr("Suggest cuts at natural breaks"), this);
    suggest->setToolTip(tr("Put the cuts at the largest jumps of log combined sensitivity (undoable)"));
    connect(suggest, &QPushButton::clicked, this, &ProfilePanel::suggestRequested);
    layout->addWidget(suggest);
    connect(controller, &ProjectController::projectReset, this, &ProfilePanel::rebuildRows);
    connect(controller, &ProjectController::cutsChanged, this, &ProfilePanel::refreshValues);
    connect(controller, &ProjectController::rankingChanged, this, &ProfilePanel::refreshValues);
    rebuildRows();
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
        row.label->setMaximumWidth(90);
        row.label->setToolTip(tr("Profile label"));
        row.slider = new QSlider(Qt::Horizontal, this);
        row.slider->setRange(0, kSliderSteps);
        row.slider->setToolTip(tr("Drag to move the cut; one undo step per drag"));
        row.slider->setMinimumWidth(100);
        row.spin = new QDoubleSpinBox(this);
        row.spin->setKeyboardTracking(false);
        row.spin->setToolTip(tr("The cut in the plan's measure"));
        row.stats = new QLabel(this);
        row.stats->setMinimumWidth(90);
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
        row.spin->setDecimals(count ? 0 : 3);
        row.spin->setRange(0.0, maxCut);
        row.spin->setSingleStep(count ? 1.0 : 0.01);
        row.spin->setValue(spec.cut);
        const ProfileCut& cut = p.cuts()[size_t(i)];
        row.stats->setText(tr("%1 ops (%2%)")
                               .arg(QLocale().toString(cut.ops))
                               .arg(totalOps ? 100.0 * double(cut.ops) / double(totalOps) : 0.0, 0, 'f', 1));
    }
}

void ProfilePanel::renameProfile(int profile, bool label, const QString& text)
{
    CutPlan plan = m_controller->project().cutPlan();
    ProfileSpec& spec = plan.profiles[size_t(profile)];
    const QString value = text.trimmed();
    if (label) {
        spec.label = value;
    } else {
        const bool clash = std::any_of(plan.profiles.begin(), plan.profiles.end(),
            [&](const ProfileSpec& s) { return &s != &spec && s.name == value; });
        if (value.isEmpty() || clash) {
            refreshValues();
            return;
        }
        spec.name = value;
    }
    m_controller->setCutPlan(
        plan, label ? tr("Relabel profile %1").arg(spec.name) : tr("Rename profile to %1").arg(value));
}

} // namespace qc::gui
