#include "StatusIndicators.h"

#include "ProjectController.h"
#include "chart/ProfileColors.h"

#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>

namespace qc::gui {

StatusIndicators::StatusIndicators(ProjectController* controller, QStatusBar* bar)
    : QObject(bar)
    , m_controller(controller)
    , m_bar(bar)
    , m_violationLabel(new QLabel)
    , m_summaryLabel(new QLabel)
    , m_progress(new QProgressBar)
    , m_cancel(new QPushButton(tr("Cancel")))
{
    m_progress->setMaximumWidth(200);
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    connect(m_cancel, &QPushButton::clicked, this, &StatusIndicators::cancelRequested);
    bar->addWidget(m_summaryLabel, 1);
    bar->addPermanentWidget(m_progress);
    bar->addPermanentWidget(m_cancel);
    bar->addPermanentWidget(m_violationLabel);
    connect(controller, &ProjectController::violationsChanged, this, &StatusIndicators::update);
    connect(controller, &ProjectController::cutsChanged, this, &StatusIndicators::update);
    connect(controller, &ProjectController::projectReset, this, &StatusIndicators::update);
    update();
}

QString StatusIndicators::violationText() const
{
    return m_violationLabel->text();
}

void StatusIndicators::showLoading(int steps)
{
    m_progress->setRange(0, steps);
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
}

void StatusIndicators::setProgress(int done)
{
    m_progress->setValue(done);
}

void StatusIndicators::endLoading()
{
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    m_bar->clearMessage();
}

void StatusIndicators::update()
{
    const Project& p = m_controller->project();
    const int errors = m_controller->errorCount();
    const int warnings = int(m_controller->violations().size()) - errors;
    // Worded and counted as `quantcut-cli check` reports the saved file.
    m_violationLabel->setText(tr("%1 errors, %2 warnings").arg(errors).arg(warnings));
    const QString style = errors > 0
        ? QStringLiteral("QLabel { color: white; background: %1; padding: 1px 6px; }")
              .arg(violationColor().name())
        : QString();
    if (style != m_violationLabel->styleSheet()) // setting a style sheet re-polishes even when it is the same
        m_violationLabel->setStyleSheet(style);
    QStringList parts;
    parts.append(
        tr("%1 ops, %2 metrics").arg(QLocale().toString(p.inventory().size())).arg(p.metrics().size()));
    for (int i = 0; i < p.profileCount(); ++i)
        parts.append(QStringLiteral("%1: %2 INT8")
                         .arg(p.cutPlan().profiles[size_t(i)].name)
                         .arg(QLocale().toString(p.cuts()[size_t(i)].ops)));
    m_summaryLabel->setText(parts.join(QStringLiteral("   ")));
}

} // namespace qc::gui
