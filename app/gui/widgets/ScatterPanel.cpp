#include "ScatterPanel.h"

#include "MetricText.h"
#include "ProjectController.h"
#include "chart/RankScatterView.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace qc::gui {

ScatterPanel::ScatterPanel(ProjectController* controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_view(new RankScatterView(controller, this))
    , m_x(new QComboBox(this))
    , m_y(new QComboBox(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("x:"), this));
    bar->addWidget(m_x);
    bar->addWidget(new QLabel(tr("y:"), this));
    bar->addWidget(m_y);
    bar->addStretch();
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    auto pick = [this] {
        if (m_x->currentIndex() >= 0 && m_y->currentIndex() >= 0)
            m_view->setMetrics(m_x->currentIndex(), m_y->currentIndex());
    };
    connect(m_x, &QComboBox::activated, this, pick);
    connect(m_y, &QComboBox::activated, this, pick);
    connect(controller, &ProjectController::projectReset, this, &ScatterPanel::refillMetrics);
    refillMetrics();
}

void ScatterPanel::refillMetrics()
{
    const QSignalBlocker bx(m_x), by(m_y);
    m_x->clear();
    m_y->clear();
    for (const Metric& m : m_controller->project().metrics()) {
        m_x->addItem(metricShortName(m));
        m_y->addItem(metricShortName(m));
    }
    m_x->setCurrentIndex(m_view->xMetric());
    m_y->setCurrentIndex(m_view->yMetric());
}

} // namespace qc::gui
